using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Core.Playbook.Outbox;

/// <summary>
/// Port: who delivers which outbox message. A message is claimed (a lease in the database, keyed by run and message
/// key) before it is posted, so two replicas never post it at once; the claim records the platform's id of the post,
/// the attempts and the back-off, and finally that it was delivered, which every replica then respects.
/// </summary>
public interface IOutboxClaims
{
    /// <summary>
    /// Claims <paramref name="message"/> of <paramref name="runId"/> for delivery. <paramref name="force"/> ignores a
    /// back-off or an earlier give-up (an analyst asked to resume), never another replica's unexpired claim.
    /// </summary>
    Task<OutboxClaim> ClaimAsync(string runId, OutboxMessage message, string channel, bool force, CancellationToken cancellationToken);

    /// <summary>Stores the platform's id of the posted message in the claim.</summary>
    Task RecordPlatformIdAsync(OutboxClaim claim, string platformId, CancellationToken cancellationToken);

    /// <summary>Marks the message delivered.</summary>
    Task DeliveredAsync(OutboxClaim claim, CancellationToken cancellationToken);

    /// <summary>Ends the claim after a failed attempt.</summary>
    Task FailedAsync(OutboxClaim claim, OutboxFailure failure, CancellationToken cancellationToken);
}
