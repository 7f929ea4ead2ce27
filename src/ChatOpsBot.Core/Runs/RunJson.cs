using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOpsBot.Core.Runs;

/// <summary>The one JSON form of a run, used by every store (enum values as names, so machines rebuild from text).</summary>
public static class RunJson
{
    /// <summary>Serializer options: camelCase, enums as strings.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>The run as JSON.</summary>
    public static string Serialize(PlaybookRun run) => JsonSerializer.Serialize(run, Options);

    /// <summary>A run from JSON.</summary>
    public static PlaybookRun Deserialize(string json) =>
        JsonSerializer.Deserialize<PlaybookRun>(json, Options) ?? throw new JsonException("Empty run document.");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = false };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
