namespace ChatOpsBot.Workers;

/// <summary>The web service's background loops and their health (configuration section <c>Workers</c>).</summary>
public sealed class WorkerOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Workers";

    /// <summary>
    /// Longest wait between two tries of a loop whose database calls fail (doubling from 0.5 s up to it). Default 10 s.
    /// </summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A loop that has not reported progress for this long counts as dead, and readiness fails. Must exceed the poll
    /// intervals and a third of <c>WorkQueue:Lease</c> (a loop working on a long step reports at each lease renewal).
    /// Default 2 min.
    /// </summary>
    public TimeSpan StallAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Readiness fails once the workers' database calls have failed without a success for this long. Default 30 s.</summary>
    public TimeSpan DatabaseUnreachableAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Inbox items (acknowledged answers) one replica applies at once. Default 2.</summary>
    public int InboxParallelism { get; set; } = 2;
}
