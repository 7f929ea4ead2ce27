namespace ChatOpsBot.Workers;

/// <summary>One registered background loop: it beats while it makes progress and says when it runs.</summary>
public sealed class WorkerHandle(string group, string name, TimeProvider clock)
{
    private long _lastBeat = clock.GetUtcNow().UtcTicks;
    private int _running;

    /// <summary>The kind of worker (<c>run-queue</c>, <c>inbox</c>, <c>recovery</c>).</summary>
    public string Group { get; } = group;
    /// <summary>The loop's name, e.g. <c>run-queue#2</c>.</summary>
    public string Name { get; } = name;
    /// <summary>When the loop last reported progress.</summary>
    public DateTimeOffset LastBeat => new(Interlocked.Read(ref _lastBeat), TimeSpan.Zero);
    /// <summary>True while the loop runs (false while it waits to be restarted, and after it stopped).</summary>
    public bool Running => Volatile.Read(ref _running) == 1;

    /// <summary>Reports progress (an iteration began, or long work is still going on).</summary>
    public void Beat() => Interlocked.Exchange(ref _lastBeat, clock.GetUtcNow().UtcTicks);

    /// <summary>Marks the loop running or not.</summary>
    public void SetRunning(bool running)
    {
        Volatile.Write(ref _running, running ? 1 : 0);
        if (running) Beat();
    }
}
