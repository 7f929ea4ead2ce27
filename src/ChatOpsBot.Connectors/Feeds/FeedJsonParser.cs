using System.Text.Json;
using ChatOpsBot.Core.Feeds;

namespace ChatOpsBot.Connectors.Feeds;

/// <summary>
/// abuse.ch's JSON blocklist (<c>ipblocklist.json</c>, <c>ipblocklist_recommended.json</c>): one array of objects,
/// each with its address in <c>ip_address</c>. A bare array of address strings is read too. Invalid entries are
/// reported by their 1-based position in the array, in place of a line number.
/// </summary>
internal static class FeedJsonParser
{
    private const string IpField = "ip_address";

    /// <exception cref="FeedFormatException">Not JSON, or JSON of another shape.</exception>
    public static async Task<FeedResult> ParseAsync(TextReader reader, CancellationToken cancellationToken)
    {
        // The blocklist is a single document of a few hundred kilobytes: parsed whole, unlike the line formats.
        var text = await reader.ReadToEndAsync(cancellationToken);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new FeedFormatException($"it starts like JSON but is not valid JSON ({e.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                throw new FeedFormatException($"JSON {root.ValueKind.ToString().ToLowerInvariant()}, not abuse.ch's blocklist array of {{\"{IpField}\": ...}} entries");
            }

            var accumulator = new FeedAccumulator();
            var usable = 0;
            var entry = 0;
            foreach (var element in root.EnumerateArray())
            {
                entry++;
                var value = element.ValueKind switch
                {
                    JsonValueKind.Object when element.TryGetProperty(IpField, out var ip) && ip.ValueKind == JsonValueKind.String => ip.GetString(),
                    JsonValueKind.String => element.GetString(),
                    _ => null,
                };
                if (value is null)
                {
                    accumulator.Reject(entry, element.GetRawText(), $"entry {entry} has no {IpField}");
                    continue;
                }

                usable++;
                accumulator.Add(entry, element.GetRawText(), value);
            }

            if (entry > 0 && usable == 0)
            {
                throw new FeedFormatException($"a JSON array whose entries have no {IpField}: not abuse.ch's blocklist");
            }

            return accumulator.Build(FeedFormat.FeodoJson);
        }
    }
}
