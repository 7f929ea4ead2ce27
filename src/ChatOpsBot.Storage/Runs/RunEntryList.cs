using System.Text.Json;
using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Storage.Runs;

/// <summary>A run list of <typeparamref name="T"/>; elements are JSON in the run's own form (<see cref="RunJson.Options"/>).</summary>
internal sealed class RunEntryList<T>(RunEntryKind kind, Func<PlaybookRun, List<T>> get, Action<PlaybookRun, List<T>> set)
    : IRunEntryList where T : class
{
    public RunEntryKind Kind => kind;

    public IReadOnlyList<object> Of(PlaybookRun run) => get(run);

    public void Assign(PlaybookRun run, ReadOnlySpan<object> prefix, IReadOnlyList<object> tail)
    {
        // Always a fresh list: the caller may add to it, and must never add to the cache's copy.
        var list = new List<T>(prefix.Length + tail.Count);
        foreach (var entry in prefix) list.Add((T)entry);
        foreach (var entry in tail) list.Add((T)entry);
        set(run, list);
    }

    public string Serialize(object entry) => JsonSerializer.Serialize((T)entry, RunJson.Options);

    public object Deserialize(string json) =>
        JsonSerializer.Deserialize<T>(json, RunJson.Options) ?? throw new JsonException($"Empty {kind} entry.");
}
