namespace ChatOpsBot.Core.Playbook.Inbox;

/// <summary>What <see cref="IInboxStore.AddAsync"/> stored.</summary>
/// <param name="Id">The stored item's id.</param>
/// <param name="IsNew">False when the key was already there (a platform retry): nothing new was stored.</param>
/// <param name="Leased">True when the caller holds its lease and applies it now.</param>
public sealed record InboxReceipt(long Id, bool IsNew, bool Leased);
