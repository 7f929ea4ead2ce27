using ChatOpsBot.Core.Quotas;
using ChatOpsBot.Storage.Quotas;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Storage.Tests.Quotas;

public class EfQuotaLedgerTests
{
    /// <summary>The database engine these tests run on; a subclass runs them all on PostgreSQL.</summary>
    protected virtual StorageProvider Provider => StorageProvider.Sqlite;

    private static CancellationToken Ct => CancellationToken.None;

    [SkippableFact]
    public async Task TryTake_records_a_slot_only_when_allowed_and_complete_stamps_its_response()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var ledger = storage.Services.GetRequiredService<IQuotaLedger>();
        var since = StorageFixture.Start.AddMinutes(-1);

        var first = await ledger.TryTakeAsync("VirusTotal", since, (grants, _) => grants.Count < 1, Ct);
        var refused = await ledger.TryTakeAsync("VirusTotal", since, (grants, _) => grants.Count < 1, Ct);
        storage.Time.Advance(TimeSpan.FromMilliseconds(250));
        await ledger.CompleteAsync(first!.Value, storage.Time.GetUtcNow(), Ct);
        IReadOnlyList<QuotaGrant> seen = [];
        DateTimeOffset seenAt = default;
        await ledger.TryTakeAsync("VirusTotal", since, (grants, now) => { (seen, seenAt) = (grants, now); return false; }, Ct);

        Assert.Null(refused);
        var grant = Assert.Single(seen);
        Assert.Equal((first.Value, StorageFixture.Start, StorageFixture.Start.AddMilliseconds(250)), (grant.Id, grant.GrantedAt, grant.CompletedAt!.Value));
        Assert.Equal(storage.Time.GetUtcNow(), seenAt);
        // Another provider's quota is another ledger.
        Assert.NotNull(await ledger.TryTakeAsync("OTX", since, (grants, _) => grants.Count < 1, Ct));
    }

    [SkippableFact]
    public async Task TryTake_forgets_slots_older_than_since()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var ledger = storage.Services.GetRequiredService<IQuotaLedger>();
        await ledger.TryTakeAsync("OTX", DateTimeOffset.MinValue, (_, _) => true, Ct);
        storage.Time.Advance(TimeSpan.FromMinutes(2));

        var count = -1;
        await ledger.TryTakeAsync("OTX", storage.Time.GetUtcNow().AddMinutes(-1), (grants, _) => { count = grants.Count; return false; }, Ct);

        Assert.Equal(0, count);
        await using var db = await storage.OpenAsync();
        Assert.Equal(0, await db.QuotaGrants.CountAsync());
    }

    [SkippableFact]
    public async Task Concurrent_takers_in_two_replicas_never_both_take_the_last_slot()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        // Two ledgers, as two replicas have, each with its own connections to the one database.
        var replicas = new[] { storage.Services.GetRequiredService<IQuotaLedger>(), ActivatorUtilities.CreateInstance<EfQuotaLedger>(storage.Services) };
        const int Limit = 5;

        var taken = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            replicas[i % 2].TryTakeAsync("VirusTotal", DateTimeOffset.MinValue, (grants, _) => grants.Count < Limit, Ct))));

        Assert.Equal(Limit, taken.Count(t => t is not null));
        await using var db = await storage.OpenAsync();
        Assert.Equal(Limit, await db.QuotaGrants.CountAsync());
    }
}

/// <summary>Every <see cref="EfQuotaLedgerTests"/> case on a real PostgreSQL server.</summary>
public sealed class EfQuotaLedgerPostgresTests : EfQuotaLedgerTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
