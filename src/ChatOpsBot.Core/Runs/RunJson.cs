using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ChatOpsBot.Core.Runs;

/// <summary>The one JSON form of a run, used by every store (enum values as names, so machines rebuild from text).</summary>
public static class RunJson
{
    /// <summary>
    /// Serializer options: camelCase, enums as strings. The run's types come from the generated
    /// <see cref="RunJsonContext"/>; anything else serialised with these options (reports) falls back to reflection.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>The run as JSON.</summary>
    public static string Serialize(PlaybookRun run) => JsonSerializer.Serialize(run, RunJsonContext.Default.PlaybookRun);

    /// <summary>A run from JSON.</summary>
    public static PlaybookRun Deserialize(string json) =>
        JsonSerializer.Deserialize(json, RunJsonContext.Default.PlaybookRun) ?? throw new JsonException("Empty run document.");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = false,
            TypeInfoResolver = JsonTypeInfoResolver.Combine(RunJsonContext.Default, new DefaultJsonTypeInfoResolver()),
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly();
        return options;
    }
}
