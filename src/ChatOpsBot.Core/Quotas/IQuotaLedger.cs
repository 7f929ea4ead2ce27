namespace ChatOpsBot.Core.Quotas;

/// <summary>
/// Port: the record of request slots taken from each provider's quota, shared by every replica (in the bot's
/// database), so that replicas together stay within one key's quota. The ledger only keeps the record and
/// serialises takers; the pacing rule is the caller's.
/// </summary>
public interface IQuotaLedger
{
    /// <summary>
    /// Under a lock on <paramref name="provider"/> that every replica honours: reads the provider's slots granted since
    /// <paramref name="since"/> and asks <paramref name="mayTake"/> (with the ledger's "now") whether one more may go
    /// now; if so records it and returns its id, otherwise returns null. Slots older than <paramref name="since"/> may
    /// be forgotten.
    /// </summary>
    Task<long?> TryTakeAsync(string provider, DateTimeOffset since, Func<IReadOnlyList<QuotaGrant>, DateTimeOffset, bool> mayTake, CancellationToken cancellationToken);

    /// <summary>Records that the request of slot <paramref name="grantId"/> got its response (or failed) at <paramref name="completedAt"/>.</summary>
    Task CompleteAsync(long grantId, DateTimeOffset completedAt, CancellationToken cancellationToken);
}
