namespace TerritoryBot.Cards;

/// <summary>
/// Input.Text: its value arrives in the data of the action that submits the card, under <see cref="CardElement.Id"/>
/// (always validate it again on the server).
/// </summary>
internal sealed class TextInput : CardElement
{
    public TextInput(string id) => Id = id;

    public string? Label { get; set; }
    public string? Placeholder { get; set; }
    public bool? IsMultiline { get; set; }
    public int? MaxLength { get; set; }
    public bool? IsRequired { get; set; }

    /// <summary>Shown by the host when <see cref="IsRequired"/> or <see cref="MaxLength"/> fails.</summary>
    public string? ErrorMessage { get; set; }
}
