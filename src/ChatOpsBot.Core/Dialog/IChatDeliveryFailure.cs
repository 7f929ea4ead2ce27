namespace ChatOpsBot.Core.Dialog;

/// <summary>
/// Implemented by a channel's exceptions so the outbox can tell a failure that certainly posted nothing (rate limited,
/// refused) from one whose outcome is unknown (a 5xx, a timeout), and honour the platform's Retry-After.
/// </summary>
public interface IChatDeliveryFailure
{
    /// <summary>False only when the platform certainly did not show the message (it answered and refused).</summary>
    bool MayHaveBeenDelivered { get; }

    /// <summary>How long the platform asked us to wait before trying again, if it said.</summary>
    TimeSpan? RetryAfter { get; }
}
