using ChatOpsBot.Core.Dialog;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Storage.Tests.ChannelState;

public class EfChannelStateStoreTests
{
    /// <summary>The database engine these tests run on; a subclass runs them all on PostgreSQL.</summary>
    protected virtual StorageProvider Provider => StorageProvider.Sqlite;

    private static CancellationToken Ct => CancellationToken.None;

    [SkippableFact]
    public async Task Get_of_an_unknown_key_returns_null()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var store = storage.Services.GetRequiredService<IChannelStateStore>();

        Assert.Null(await store.GetAsync("slack", "msg:r-1/p1", Ct));
    }

    [SkippableFact]
    public async Task Set_then_set_again_replaces_the_value()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var store = storage.Services.GetRequiredService<IChannelStateStore>();

        await store.SetAsync("slack", "msg:r-1/p1", "C1|1700000000.000100", Ct);
        await store.SetAsync("slack", "msg:r-1/p1", "C1|1700000000.000200", Ct);

        Assert.Equal("C1|1700000000.000200", await store.GetAsync("slack", "msg:r-1/p1", Ct));
    }

    [SkippableFact]
    public async Task TryAdd_succeeds_once_per_key_and_keeps_the_first_value()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var store = storage.Services.GetRequiredService<IChannelStateStore>();

        Assert.True(await store.TryAddAsync("slack", "event:Ev1", "first", Ct));
        Assert.False(await store.TryAddAsync("slack", "event:Ev1", "second", Ct));
        Assert.True(await store.TryAddAsync("teams", "event:Ev1", "other channel", Ct));

        Assert.Equal("first", await store.GetAsync("slack", "event:Ev1", Ct));
    }

    [SkippableFact]
    public async Task Concurrent_TryAdd_of_one_key_lets_exactly_one_writer_win()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var store = storage.Services.GetRequiredService<IChannelStateStore>();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => store.TryAddAsync("slack", "event:Ev9", $"w{i}", Ct))));

        Assert.Single(results, r => r);
    }
}

/// <summary>Every <see cref="EfChannelStateStoreTests"/> case on a real PostgreSQL server.</summary>
public sealed class EfChannelStateStorePostgresTests : EfChannelStateStoreTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
