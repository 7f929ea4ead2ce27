using ChatOpsBot.Core.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Storage.Tests.Runs;

/// <summary>Run leases: one holder at a time across processes, lapsing when not renewed.</summary>
public class DbRunLeasesTests
{
    private static readonly TimeSpan Expiry = TimeSpan.FromSeconds(30);

    /// <summary>The database engine these tests run on; a subclass runs them all on PostgreSQL.</summary>
    protected virtual StorageProvider Provider => StorageProvider.Sqlite;

    private static CancellationToken Ct => CancellationToken.None;

    [SkippableFact]
    public async Task A_held_run_is_refused_to_a_second_holder_naming_the_first()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var leases = storage.Services.GetRequiredService<IRunLeases>();

        var first = await leases.TryAcquireAsync("r-1", "alice pid 1", Expiry, Ct);
        var second = await leases.TryAcquireAsync("r-1", "bob pid 2", Expiry, Ct);

        Assert.True(first.Acquired);
        Assert.False(second.Acquired);
        Assert.Equal("alice pid 1", second.Holder);
        Assert.True((await leases.TryAcquireAsync("r-2", "bob pid 2", Expiry, Ct)).Acquired);
    }

    [SkippableFact]
    public async Task A_lease_not_renewed_within_the_expiry_lapses_and_a_renewed_one_does_not()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var leases = storage.Services.GetRequiredService<IRunLeases>();
        await leases.TryAcquireAsync("r-1", "alice", Expiry, Ct);
        await leases.TryAcquireAsync("r-2", "alice", Expiry, Ct);

        storage.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.True(await leases.RenewAsync("r-1", "alice", Ct));
        storage.Time.Advance(TimeSpan.FromSeconds(20));

        Assert.False((await leases.TryAcquireAsync("r-1", "bob", Expiry, Ct)).Acquired);
        Assert.True((await leases.TryAcquireAsync("r-2", "bob", Expiry, Ct)).Acquired);
        Assert.False(await leases.RenewAsync("r-2", "alice", Ct));
    }

    [SkippableFact]
    public async Task Release_and_take_over_act_only_for_the_holder_named()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var leases = storage.Services.GetRequiredService<IRunLeases>();
        await leases.TryAcquireAsync("r-1", "alice", Expiry, Ct);

        await leases.ReleaseAsync("r-1", "bob", Ct);
        Assert.False(await leases.TakeOverAsync("r-1", "carol", "bob", Ct));
        Assert.False((await leases.TryAcquireAsync("r-1", "bob", Expiry, Ct)).Acquired);

        Assert.True(await leases.TakeOverAsync("r-1", "carol", "alice", Ct));
        Assert.Equal("carol", (await leases.TryAcquireAsync("r-1", "bob", Expiry, Ct)).Holder);
        await leases.ReleaseAsync("r-1", "carol", Ct);
        Assert.True((await leases.TryAcquireAsync("r-1", "bob", Expiry, Ct)).Acquired);
    }
}

/// <summary>Every <see cref="DbRunLeasesTests"/> case on a real PostgreSQL server.</summary>
public sealed class DbRunLeasesPostgresTests : DbRunLeasesTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
