using System.Text.Json;

namespace ChatOpsBot.Teams.Cards;

/// <summary>
/// What a prompt button carries back (<c>Action.Execute</c> data, or the message value of the <c>Action.Submit</c>
/// fallback): run, prompt, option, and the text input when the card has one.
/// </summary>
public sealed record CardAction(string RunId, string PromptId, string Option, string? Text)
{
    public const string Verb = "c2hunt.answer";
    public const string TextInputId = "answerText";

    /// <summary>Reads the fields from <paramref name="data"/>; null when it is not one of our actions.</summary>
    public static CardAction? From(JsonElement? data)
    {
        if (data is not { ValueKind: JsonValueKind.Object } d) return null;
        var runId = Read(d, "runId");
        var promptId = Read(d, "promptId");
        var option = Read(d, "option");
        if (string.IsNullOrWhiteSpace(runId) || string.IsNullOrWhiteSpace(promptId) || string.IsNullOrWhiteSpace(option)) return null;
        return new CardAction(runId, promptId, option, Read(d, TextInputId));
    }

    private static string? Read(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
