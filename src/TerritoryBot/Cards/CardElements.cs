using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace TerritoryBot.Cards;

// A small typed model of Adaptive Cards 1.5 (only what the bot's cards use). Property names and the
// "type" discriminators are the schema's; null properties are left out when serialised (CardJson).

/// <summary>The card root: {"type":"AdaptiveCard","version":"1.5",...}.</summary>
internal sealed class AdaptiveCard
{
    public const string Version15 = "1.5";

    [JsonPropertyName("type")]
    [JsonPropertyOrder(-3)]
    public string Type => "AdaptiveCard";

    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(-2)]
    public string? Schema { get; set; }

    /// <summary>Required on a top-level card; left out (null) on a card nested in Action.ShowCard.</summary>
    [JsonPropertyOrder(-1)]
    public string? Version { get; set; } = Version15;

    /// <summary>Shown by hosts that cannot render the card version.</summary>
    public string? FallbackText { get; set; }

    public List<CardElement> Body { get; set; } = [];

    public List<CardAction>? Actions { get; set; }

    /// <summary>Teams-only host options, e.g. full width; stripped before schema validation.</summary>
    public TeamsOptions? Msteams { get; set; }
}

/// <summary>Teams-only card options ({"width":"Full"}).</summary>
internal sealed record TeamsOptions(string Width);

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(HorizontalBarChart), "Chart.HorizontalBar")]
[JsonDerivedType(typeof(DonutChart), "Chart.Donut")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
internal abstract class CardElement
{
    [JsonPropertyOrder(-1)]
    public string? Id { get; set; }
    public Spacing? Spacing { get; set; }
    public bool? Separator { get; set; }

    /// <summary>What a host that does not know this element renders instead (charts always have one).</summary>
    [JsonPropertyOrder(1)]
    public CardElement? Fallback { get; set; }
}

internal sealed class TextBlock : CardElement
{
    public TextBlock(string text) => Text = text;

    public string Text { get; set; }
    public TextSize? Size { get; set; }
    public TextWeight? Weight { get; set; }
    public TextColor? Color { get; set; }
    public bool? IsSubtle { get; set; }
    public bool? Wrap { get; set; }
    public int? MaxLines { get; set; }
    public HorizontalAlignment? HorizontalAlignment { get; set; }
}

internal sealed class FactSet : CardElement
{
    public List<Fact> Facts { get; set; } = [];
}

internal sealed record Fact(string Title, string Value);

internal sealed class Container : CardElement
{
    public List<CardElement> Items { get; set; } = [];
    public ContainerStyle? Style { get; set; }

    /// <summary>
    /// A list of rows the size guard may shorten (keeping the first rows and adding "…and N more") when the
    /// card is over the size limit. Not part of the card JSON.
    /// </summary>
    [JsonIgnore]
    public bool Trimmable { get; set; }
}

internal sealed class ColumnSet : CardElement
{
    public List<Column> Columns { get; set; } = [];
}

internal sealed class Column
{
    [JsonPropertyOrder(-1)]
    public string Type => "Column";

    /// <summary>"auto", "stretch", a weight such as "2", or pixels such as "80px".</summary>
    public string? Width { get; set; }
    public List<CardElement> Items { get; set; } = [];
    public VerticalAlignment? VerticalContentAlignment { get; set; }
}

internal sealed class ActionSet : CardElement
{
    public List<CardAction> Actions { get; set; } = [];
}

/// <summary>Teams chart: one bar per label (data: [{"x":label,"y":value}]).</summary>
internal sealed class HorizontalBarChart : CardElement
{
    public HorizontalBarChart(CardElement fallback) => Fallback = fallback;

    public string? Title { get; set; }
    public List<BarDatum> Data { get; set; } = [];
}

internal sealed record BarDatum(string X, double Y);

/// <summary>Teams chart: one slice per legend (data: [{"legend":label,"value":value}]).</summary>
internal sealed class DonutChart : CardElement
{
    public DonutChart(CardElement fallback) => Fallback = fallback;

    public string? Title { get; set; }
    public List<DonutDatum> Data { get; set; } = [];
}

internal sealed record DonutDatum(string Legend, double Value);

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
internal abstract class CardAction
{
    protected CardAction(string title) => Title = title;

    [JsonPropertyOrder(-2)]
    public string Title { get; set; }

    [JsonPropertyOrder(-1)]
    public string? Id { get; set; }
    public ActionStyle? Style { get; set; }

    /// <summary>What a host that does not know this action uses instead.</summary>
    [JsonPropertyOrder(1)]
    public CardAction? Fallback { get; set; }
}

/// <summary>
/// A Universal Actions button (version ≥ 1.4): the host sends the verb and data to the bot. Built with
/// <see cref="Drill"/>, it carries an <see cref="SubmitAction"/> fallback whose data repeats the verb, so
/// hosts without Action.Execute send the same request.
/// </summary>
internal sealed class ExecuteAction : CardAction
{
    public ExecuteAction(string title, string verb) : base(title) => Verb = verb;

    public string Verb { get; set; }
    public JsonObject? Data { get; set; }

    /// <summary>The field of Action.Submit data that names the verb.</summary>
    public const string VerbField = "verb";

    public static ExecuteAction Drill(string title, string verb, JsonObject? data = null)
    {
        var submitData = data is null ? [] : (JsonObject)data.DeepClone();
        submitData.Insert(0, VerbField, verb);
        return new ExecuteAction(title, verb)
        {
            Data = data,
            Fallback = new SubmitAction(title) { Data = submitData },
        };
    }
}

internal sealed class SubmitAction : CardAction
{
    public SubmitAction(string title) : base(title) { }

    public JsonObject? Data { get; set; }
}

internal sealed class ShowCardAction : CardAction
{
    public ShowCardAction(string title, AdaptiveCard card) : base(title)
    {
        card.Version = null;
        Card = card;
    }

    /// <summary>The nested card (its version is left out).</summary>
    public AdaptiveCard Card { get; set; }
}

internal enum Spacing { None, Small, Default, Medium, Large, ExtraLarge, Padding }
internal enum TextSize { Default, Small, Medium, Large, ExtraLarge }
internal enum TextWeight { Default, Lighter, Bolder }
internal enum TextColor { Default, Dark, Light, Accent, Good, Warning, Attention }
internal enum HorizontalAlignment { Left, Center, Right }
internal enum VerticalAlignment { Top, Center, Bottom }
internal enum ContainerStyle { Default, Emphasis, Good, Attention, Warning, Accent }
internal enum ActionStyle { Default, Positive, Destructive }
