using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Planning;

/// <summary>Which parts of the plan to render.</summary>
public enum PlanSection
{
    All,
    Territory,
    BusinessPlan,
}

/// <summary>A format-neutral document: the builder decides the content, renderers only lay it out.</summary>
public sealed record PlanDocument(string Title, string Subtitle, IReadOnlyList<DocSection> Sections);

public sealed record DocSection(string Id, string Heading, int Level, IReadOnlyList<DocBlock> Blocks);

public abstract record DocBlock;

public sealed record ParagraphBlock(string Text) : DocBlock;

public sealed record ListBlock(IReadOnlyList<string> Items, bool Ordered = false) : DocBlock;

/// <summary>Label/value pairs shown as a fact strip.</summary>
public sealed record FactsBlock(IReadOnlyList<KeyValuePair<string, string>> Facts) : DocBlock;

public sealed record TableBlock(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<bool> NumericColumns) : DocBlock;

/// <summary>This territory's potential against the team's min, median and max (±10% band around the median).</summary>
public sealed record BandChartBlock(TeamBand Band, string CurrencySymbol) : DocBlock;

public sealed record TierMixChartBlock(IReadOnlyList<TierSummary> Tiers, string CurrencySymbol) : DocBlock;

public sealed record MapChartBlock(GeoPoint? Home, IReadOnlyList<MapPoint> Points, int Unlocated, string CurrencySymbol) : DocBlock;
