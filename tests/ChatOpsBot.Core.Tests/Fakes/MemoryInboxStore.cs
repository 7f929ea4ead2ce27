using ChatOpsBot.Core.Playbook.Inbox;

namespace ChatOpsBot.Core.Tests.Fakes;

/// <summary>The inbox in memory, with leases that a test expires by hand.</summary>
internal sealed class MemoryInboxStore : IInboxStore
{
    private readonly List<Entry> _entries = [];

    public event Action? Added;

    public void ExpireLeases()
    {
        foreach (var e in _entries) e.Owner = null;
    }

    public Task<InboxReceipt> AddAsync(InboxItem item, string? leaseOwner, CancellationToken cancellationToken)
    {
        if (_entries.FirstOrDefault(e => e.Item.Key == item.Key) is { } existing) return Task.FromResult(new InboxReceipt(existing.Id, false, false));
        var entry = new Entry(_entries.Count + 1, item) { Owner = leaseOwner, Attempts = leaseOwner is null ? 0 : 1 };
        _entries.Add(entry);
        Added?.Invoke();
        return Task.FromResult(new InboxReceipt(entry.Id, true, leaseOwner is not null));
    }

    public Task<LeasedInboxItem?> ClaimAsync(string owner, CancellationToken cancellationToken) =>
        Task.FromResult(Lease(_entries.FirstOrDefault(e => e.Result is null && e.Owner is null), owner));

    public Task<LeasedInboxItem?> ClaimAsync(long id, string owner, CancellationToken cancellationToken) =>
        Task.FromResult(Lease(_entries.FirstOrDefault(e => e.Id == id && e.Result is null && e.Owner is null), owner));

    public Task CompleteAsync(long id, string owner, InboxResult result, CancellationToken cancellationToken)
    {
        var entry = _entries.Single(e => e.Id == id);
        if (entry.Owner == owner) (entry.Result, entry.Owner) = (result, null);
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(long id, string owner, TimeSpan delay, CancellationToken cancellationToken)
    {
        var entry = _entries.Single(e => e.Id == id);
        if (entry.Owner == owner) entry.Owner = null;
        return Task.CompletedTask;
    }

    public Task<InboxResult?> ResultAsync(long id, CancellationToken cancellationToken) => Task.FromResult(_entries.Single(e => e.Id == id).Result);

    private static LeasedInboxItem? Lease(Entry? entry, string owner)
    {
        if (entry is null) return null;
        entry.Owner = owner;
        entry.Attempts++;
        return new LeasedInboxItem(entry.Id, entry.Item, entry.Attempts);
    }

    private sealed class Entry(long id, InboxItem item)
    {
        public long Id { get; } = id;
        public InboxItem Item { get; } = item;
        public string? Owner { get; set; }
        public int Attempts { get; set; }
        public InboxResult? Result { get; set; }
    }
}
