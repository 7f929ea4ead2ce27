using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Workers;

/// <summary>
/// What readiness knows about this replica's background loops: which are alive (running, and beating within
/// <see cref="WorkerOptions.StallAfter"/>) and since when their database calls fail. A replica with a kind of worker
/// none of whose loops is alive, or whose database has been unreachable longer than
/// <see cref="WorkerOptions.DatabaseUnreachableAfter"/>, is not ready.
/// </summary>
public sealed class WorkerHealth(TimeProvider clock, IOptions<WorkerOptions> options)
{
    private readonly ConcurrentDictionary<string, WorkerHandle> _loops = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();
    private DateTimeOffset? _databaseFailingSince;

    /// <summary>Registers a loop of <paramref name="group"/>; the handle is how it reports.</summary>
    public WorkerHandle Register(string group, string name) => _loops.GetOrAdd(name, n => new WorkerHandle(group, n, clock));

    /// <summary>A database call of some loop failed.</summary>
    public void DatabaseFailed()
    {
        lock (_sync) _databaseFailingSince ??= clock.GetUtcNow();
    }

    /// <summary>A database call of some loop succeeded.</summary>
    public void DatabaseReachable()
    {
        lock (_sync) _databaseFailingSince = null;
    }

    /// <summary>Whether the workers are healthy, and a line for operators.</summary>
    public (bool Healthy, string Message) Report()
    {
        var now = clock.GetUtcNow();
        var o = options.Value;
        var loops = _loops.Values.ToList();
        if (loops.Count == 0) return (true, "no background workers on this replica");
        var parts = new List<string>();
        var healthy = true;
        foreach (var group in loops.GroupBy(l => l.Group).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var alive = group.Count(l => l.Running && now - l.LastBeat <= o.StallAfter);
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{group.Key} {alive}/{group.Count()} alive"));
            if (alive == 0) healthy = false;
            var stalled = group.Where(l => l.Running && now - l.LastBeat > o.StallAfter).Select(l => l.Name).ToList();
            if (stalled.Count > 0) parts.Add($"stalled: {string.Join(", ", stalled)}");
        }
        DateTimeOffset? since;
        lock (_sync) since = _databaseFailingSince;
        if (since is { } failing)
        {
            var down = now - failing;
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"database unreachable for {down.TotalSeconds:0} s"));
            if (down > o.DatabaseUnreachableAfter) healthy = false;
        }
        return (healthy, string.Join("; ", parts));
    }
}
