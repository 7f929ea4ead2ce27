using System.Text.Json.Nodes;

namespace ChatOpsBot.Slack.Tests.TestSupport;

public static class JsonWalk
{
    /// <summary>The <c>text</c> of every Block Kit text object of <paramref name="type"/> under <paramref name="node"/>.</summary>
    public static IEnumerable<string> DescendantsOfType(this JsonNode node, string type)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && o["type"]!.GetValue<string>() == type && o["text"] is JsonValue t)
                    yield return t.GetValue<string>();
                foreach (var (_, child) in o)
                    if (child is not null) foreach (var s in child.DescendantsOfType(type)) yield return s;
                break;
            case JsonArray a:
                foreach (var child in a)
                    if (child is not null) foreach (var s in child.DescendantsOfType(type)) yield return s;
                break;
        }
    }
}
