namespace ChatOpsBot.Storage.WorkQueue;

/// <summary>The durable work queue (configuration section <c>WorkQueue</c>).</summary>
public sealed class WorkQueueOptions
{
    public const string SectionName = "WorkQueue";

    /// <summary>How long a claimed item stays with its replica without a renewal; a dead replica's work is taken over after it. Default 60 s.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often an idle worker looks for work queued by other replicas. Default 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Claims after which an item is given up (logged; the run stays resumable). Default 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Items worked on at once by one replica. Default 4.</summary>
    public int Parallelism { get; set; } = 4;

    /// <summary>
    /// How long an inbox item (an acknowledged answer) stays with the replica applying it; if that replica dies, another
    /// applies the answer after it. Applying again is harmless, so it is short. Default 15 s.
    /// </summary>
    public TimeSpan InboxLease { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long applied inbox items and delivered outbox claims are kept (duplicate detection, diagnosis). Default 7 days.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
