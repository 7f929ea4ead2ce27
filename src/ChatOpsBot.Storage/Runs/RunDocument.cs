using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Storage.Runs;

/// <summary>
/// The <c>runs.Document</c> form: <see cref="RunJson"/> (camelCase, enums as names) without the lists kept in
/// <c>run_entries</c>, so saving a run costs what changed rather than its whole history. Everything else that
/// serialises runs (reports, exports) keeps using <see cref="RunJson"/> and sees the full lists.
/// </summary>
internal static class RunDocument
{
    private static readonly JsonSerializerOptions Options = Create();

    public static string Serialize(PlaybookRun run) => JsonSerializer.Serialize(run, Options);

    /// <summary>A run whose entry lists are empty, for the store to fill.</summary>
    public static PlaybookRun Deserialize(string json) =>
        JsonSerializer.Deserialize<PlaybookRun>(json, Options) ?? throw new JsonException("Empty run document.");

    private static JsonSerializerOptions Create()
    {
        // A modifier over whatever resolver RunJson uses (reflection today, possibly source-generated later), so the
        // two forms cannot drift apart in naming or converters.
        var options = new JsonSerializerOptions(RunJson.Options);
        var names = new[] { nameof(PlaybookRun.Timeline), nameof(PlaybookRun.ClosedPrompts), nameof(PlaybookRun.Hits) }
            .Select(n => options.PropertyNamingPolicy?.ConvertName(n) ?? n)
            .ToHashSet(StringComparer.Ordinal);
        var resolver = RunJson.Options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver();
        options.TypeInfoResolver = resolver.WithAddedModifier(info =>
        {
            if (info.Type != typeof(PlaybookRun)) return;
            for (var i = info.Properties.Count - 1; i >= 0; i--)
                if (names.Contains(info.Properties[i].Name))
                    info.Properties.RemoveAt(i);
        });
        options.MakeReadOnly();
        return options;
    }
}
