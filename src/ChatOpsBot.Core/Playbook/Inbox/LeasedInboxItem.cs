namespace ChatOpsBot.Core.Playbook.Inbox;

/// <summary>An inbox item this replica holds the lease of, to apply it.</summary>
/// <param name="Id">Stored id.</param>
/// <param name="Item">The item.</param>
/// <param name="Attempts">Times it was claimed, this one included; above 1 an earlier attempt may have applied it.</param>
public sealed record LeasedInboxItem(long Id, InboxItem Item, int Attempts);
