using System.Text.Json.Nodes;

namespace ChatOpsBot.Teams.Cards;

/// <summary>Small builders for Adaptive Card 1.5 elements; every outside string passes <see cref="TeamsText.Escape"/> first.</summary>
public static class AdaptiveCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.5";

    public static JsonObject Card(JsonArray body, JsonArray? actions = null)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["msteams"] = new JsonObject { ["width"] = "Full" },
            ["body"] = body,
        };
        if (actions is { Count: > 0 }) card["actions"] = actions;
        return card;
    }

    /// <summary>A TextBlock; <paramref name="markdown"/> must already be escaped or written by the bot.</summary>
    public static JsonObject Text(string markdown, string? weight = null, string? size = null, string? color = null, bool subtle = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = markdown, ["wrap"] = true };
        if (weight is not null) block["weight"] = weight;
        if (size is not null) block["size"] = size;
        if (color is not null) block["color"] = color;
        if (subtle) block["isSubtle"] = true;
        return block;
    }

    /// <summary>A FactSet of raw labels/values (escaped here).</summary>
    public static JsonObject Facts(IEnumerable<(string Label, string Value)> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray(facts.Select(f => (JsonNode)new JsonObject
        {
            ["title"] = TeamsText.Escape(f.Label),
            ["value"] = TeamsText.Escape(f.Value),
        }).ToArray()),
    };

    /// <summary>A Table (Adaptive Cards 1.5) of raw cells (escaped here).</summary>
    public static JsonObject Table(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        JsonObject Row(IEnumerable<string> cells, bool header) => new()
        {
            ["type"] = "TableRow",
            ["cells"] = new JsonArray(cells.Select(c => (JsonNode)new JsonObject
            {
                ["type"] = "TableCell",
                ["items"] = new JsonArray(Text(TeamsText.Escape(c), weight: header ? "Bolder" : null)),
            }).ToArray()),
        };
        var all = new List<JsonNode> { Row(columns, header: true) };
        all.AddRange(rows.Select(r => (JsonNode)Row(r, header: false)));
        return new JsonObject
        {
            ["type"] = "Table",
            ["firstRowAsHeader"] = true,
            ["gridStyle"] = "accent",
            ["columns"] = new JsonArray(columns.Select(_ => (JsonNode)new JsonObject { ["width"] = 1 }).ToArray()),
            ["rows"] = new JsonArray(all.ToArray()),
        };
    }
}
