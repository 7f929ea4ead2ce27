using System.Text.Json.Nodes;

namespace ChatOpsBot.Tests.Playground;

/// <summary>The Playground's view of a conversation, rebuilt from its conversation stream: each message's latest version.</summary>
internal static class PlaygroundCards
{
    /// <summary>Latest message per id in <paramref name="conversationId"/>, in order of first appearance.</summary>
    public static IReadOnlyList<(string MessageId, JsonObject Message)> Latest(IEnumerable<JsonObject> events, string conversationId)
    {
        var order = new List<string>();
        var latest = new Dictionary<string, JsonObject>();
        foreach (var e in events)
        {
            if (e["actionConversationId"]?.GetValue<string>() != conversationId || e["message"] is not JsonObject m) continue;
            if (m["messageId"]?.GetValue<string>() is not { } id) continue;
            if (!latest.ContainsKey(id)) order.Add(id);
            latest[id] = m;
        }
        return order.Select(id => (id, latest[id])).ToList();
    }

    /// <summary>The adaptive card of a message, or null.</summary>
    public static JsonObject? Card(JsonObject message) =>
        message["attachments"] is JsonArray a
            ? a.OfType<JsonObject>().FirstOrDefault(x => x["contentType"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive")?["content"] as JsonObject
            : null;

    /// <summary>The card's <c>Action.Execute</c> buttons.</summary>
    public static IReadOnlyList<JsonObject> Buttons(JsonObject card) =>
        card["actions"] is JsonArray actions ? actions.OfType<JsonObject>().Where(a => a["type"]?.GetValue<string>() == "Action.Execute").ToList() : [];

    /// <summary>The card's text input, or null.</summary>
    public static JsonObject? TextInput(JsonObject card) =>
        card["body"] is JsonArray body ? body.OfType<JsonObject>().FirstOrDefault(e => e["type"]?.GetValue<string>() == "Input.Text") : null;

    /// <summary>All text of a card, markdown escapes removed (for assertions on what it says).</summary>
    public static string Text(JsonObject card) => card.ToJsonString().Replace("\\\\", "", StringComparison.Ordinal);
}
