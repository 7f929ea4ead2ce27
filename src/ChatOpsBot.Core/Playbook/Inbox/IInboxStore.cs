namespace ChatOpsBot.Core.Playbook.Inbox;

/// <summary>
/// Port: the durable inbox. Inbound answers are written here before the platform is acknowledged, and any replica
/// applies them under a lease; a replica that dies after the acknowledgement leaves its items to another.
/// </summary>
public interface IInboxStore
{
    /// <summary>Raised after an item was stored by this replica, so its inbox worker wakes at once.</summary>
    event Action? Added;

    /// <summary>
    /// Stores <paramref name="item"/> unless its key is already stored. With <paramref name="leaseOwner"/> the new item
    /// is leased to that owner at once (the caller applies it inline); otherwise any replica's worker takes it.
    /// </summary>
    Task<InboxReceipt> AddAsync(InboxItem item, string? leaseOwner, CancellationToken cancellationToken);

    /// <summary>Leases the oldest unapplied item that is not leased, or returns null.</summary>
    Task<LeasedInboxItem?> ClaimAsync(string owner, CancellationToken cancellationToken);

    /// <summary>Leases item <paramref name="id"/> for <paramref name="owner"/> if it is unapplied and unleased (or already theirs).</summary>
    Task<LeasedInboxItem?> ClaimAsync(long id, string owner, CancellationToken cancellationToken);

    /// <summary>Marks an item applied, with its result.</summary>
    Task CompleteAsync(long id, string owner, InboxResult result, CancellationToken cancellationToken);

    /// <summary>Gives an item back for a retry after <paramref name="delay"/>.</summary>
    Task ReleaseAsync(long id, string owner, TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>The result of item <paramref name="id"/> once applied, else null.</summary>
    Task<InboxResult?> ResultAsync(long id, CancellationToken cancellationToken);
}
