namespace ChatOpsBot.Core.Dialog;

/// <summary>
/// One claimed attempt at delivering an outbox message, handed to an <see cref="ITrackedChatChannel"/>. Only one
/// replica holds the claim at a time; the channel records the platform's id of what it posted in the claim, and looks
/// the message up on the platform first when an earlier attempt may have posted it without recording that.
/// </summary>
public sealed class ChatDelivery(
    string runId, string key, long sequence, int attempt, DateTimeOffset firstAttemptAt, bool previousOutcomeUnknown, string? recordedPlatformId,
    Func<string, CancellationToken, Task> record)
{
    /// <summary>The run the message belongs to.</summary>
    public string RunId { get; } = runId;
    /// <summary>The outbox message's idempotency key.</summary>
    public string Key { get; } = key;
    /// <summary>The message's place in its run's outbox (1, 2, …): delivery follows it.</summary>
    public long Sequence { get; } = sequence;
    /// <summary>1 for the first attempt.</summary>
    public int Attempt { get; } = attempt;
    /// <summary>When the message was first claimed: nothing of it can have been posted before (a lookup starts here).</summary>
    public DateTimeOffset FirstAttemptAt { get; } = firstAttemptAt;
    /// <summary>
    /// True when an earlier attempt ended without a known outcome (the replica died, or the platform failed in a way
    /// that may have posted): look the message up before posting it.
    /// </summary>
    public bool PreviousOutcomeUnknown { get; private set; } = previousOutcomeUnknown;
    /// <summary>The platform id an earlier attempt recorded in the claim (e.g. Slack's <c>channel ts</c>), if any.</summary>
    public string? RecordedPlatformId { get; private set; } = recordedPlatformId;

    /// <summary>Records what the platform called the posted message, in the claim, before anything else is done.</summary>
    public async Task RecordPlatformIdAsync(string platformId, CancellationToken cancellationToken)
    {
        await record(platformId, cancellationToken).ConfigureAwait(false);
        RecordedPlatformId = platformId;
        PreviousOutcomeUnknown = false;
    }

    /// <summary>The channel looked the message up and it was not there: a failure from now on posted nothing earlier.</summary>
    public void NotPostedBefore() => PreviousOutcomeUnknown = false;
}
