namespace ChatOpsBot.Storage.Outbox;

/// <summary>
/// Table <c>outbox_claims</c>: who delivers an outbox message (run id + message key), how often it was tried, when the
/// next try is due, the platform's id of the post, and finally that it was delivered.
/// </summary>
public sealed class OutboxClaimRow
{
    public string RunId { get; set; } = "";
    public string Key { get; set; } = "";
    /// <summary>The message's <see cref="Core.Runs.OutboxMessage.Seq"/>.</summary>
    public long Seq { get; set; }
    public string Channel { get; set; } = "";
    /// <summary><see cref="OutboxClaimStates"/>: Delivering, Failed or Delivered.</summary>
    public string State { get; set; } = "";
    /// <summary>The claim's token while a replica delivers it.</summary>
    public string? Owner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset FirstAttemptAt { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    /// <summary>The last attempt may have posted without recording it: the next one looks the message up first.</summary>
    public bool Unsure { get; set; }
    /// <summary>What the platform called the post (Slack: <c>channel ts</c>; Teams: the activity id).</summary>
    public string? PlatformId { get; set; }
    public string? LastError { get; set; }
    /// <summary>Set when retries stopped after <c>Outbox:GiveUpAfter</c>: the run shows "delivery failing".</summary>
    public DateTimeOffset? GaveUpAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
