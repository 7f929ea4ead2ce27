using System.Net;
using ChatOpsBot.Connectors.Tests.TestSupport;
using ChatOpsBot.Connectors.VirusTotal;
using ChatOpsBot.Core.Intel;
using ChatOpsBot.Storage;
using ChatOpsBot.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Connectors.Tests.Intel;

/// <summary>
/// Two replicas (two service providers, as two bot processes would be) on one database share one VirusTotal key of
/// 4 lookups a minute. Each looks up its own IPs as fast as it may; the strict loopback VirusTotal, on the clock
/// both replicas run on (120 times real time), refuses nothing: the quota ledger in the database paces them together.
/// </summary>
public sealed class SharedQuotaReplicaTests : IAsyncDisposable
{
    private const int IpsPerReplica = 10;
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _temp = new();
    private readonly AcceleratedTimeProvider _clock = new(Start, factor: 120);
    private readonly StrictQuotaVirusTotal _virusTotal;
    private readonly List<ServiceProvider> _replicas = [];

    public SharedQuotaReplicaTests()
    {
        _virusTotal = new StrictQuotaVirusTotal(_clock);
    }

    public async ValueTask DisposeAsync()
    {
        _virusTotal.Dispose();
        foreach (var replica in _replicas) await replica.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public async Task TwoReplicas_OneSqliteDatabase_StayWithinOneQuota()
    {
        var database = $"Data Source={Path.Combine(_temp.Path, "shared.db")}";

        await LookUpFromBothAsync(await ReplicaAsync(StorageProvider.Sqlite, database), await ReplicaAsync(StorageProvider.Sqlite, database));

        AssertWithinOneQuota();
    }

    [SkippableFact]
    public async Task TwoReplicas_OnePostgresDatabase_StayWithinOneQuota()
    {
        await using var postgres = await PostgresTestDatabase.CreateAsync();

        await LookUpFromBothAsync(
            await ReplicaAsync(StorageProvider.Postgres, postgres.ConnectionString), await ReplicaAsync(StorageProvider.Postgres, postgres.ConnectionString));

        AssertWithinOneQuota();
        foreach (var replica in _replicas) await replica.DisposeAsync();
        _replicas.Clear();
    }

    [Fact]
    public async Task TwoReplicas_EachPacingAlone_BreakTheQuota()
    {
        // The control: without the shared ledger each replica spends the whole quota, and the server says so.
        await LookUpFromBothAsync(Replica(storage: null), Replica(storage: null), expectFailures: true);

        Assert.True(_virusTotal.Refused > 0, "two replicas pacing alone stayed within one quota");
    }

    private void AssertWithinOneQuota()
    {
        var arrivals = _virusTotal.Arrivals;
        Assert.Equal(2 * IpsPerReplica, arrivals.Count);
        Assert.Equal(0, _virusTotal.Refused);
        // Paced together: 20 lookups at 4 a minute need at least four more windows after the first four went
        // (each replica alone would have needed two).
        Assert.True(arrivals[^1].At - arrivals[0].At >= TimeSpan.FromMinutes(4), $"20 lookups went in {arrivals[^1].At - arrivals[0].At}");
    }

    private async Task LookUpFromBothAsync(ServiceProvider first, ServiceProvider second, bool expectFailures = false)
    {
        var one = LookUpAsync(first, "198.51.100.");
        var two = LookUpAsync(second, "203.0.113.");
        var results = await Task.WhenAll(one, two).WaitAsync(TimeSpan.FromMinutes(2));
        if (!expectFailures) Assert.All(results.SelectMany(r => r), r => Assert.Equal(Verdict.Harmless, r));
    }

    private static async Task<List<Verdict?>> LookUpAsync(ServiceProvider replica, string prefix)
    {
        var intel = replica.GetRequiredService<IThreatIntel>();
        var lookups = Enumerable.Range(1, IpsPerReplica).Select(async i =>
        {
            try
            {
                return (Verdict?)(await intel.LookupIpAsync(IPAddress.Parse(prefix + i), CancellationToken.None)).Verdict;
            }
            catch (VirusTotalException)
            {
                return null;
            }
        });
        return [.. await Task.WhenAll(lookups)];
    }

    private async Task<ServiceProvider> ReplicaAsync(StorageProvider provider, string connectionString)
    {
        var replica = Replica((provider, connectionString));
        await replica.GetRequiredService<StorageInitializer>().MigrateAsync(CancellationToken.None);
        return replica;
    }

    private ServiceProvider Replica((StorageProvider Provider, string ConnectionString)? storage)
    {
        var configuration = TestConfiguration.From(
            ("Storage:Provider", storage?.Provider.ToString()), ("Storage:ConnectionString", storage?.ConnectionString),
            ("VirusTotal:BaseUrl", _virusTotal.ApiRoot.ToString()), ("VirusTotal:ApiKey", StrictQuotaVirusTotal.ApiKey),
            ("VirusTotal:Http:MaxRetryAttempts", "0"), ("VirusTotal:Http:AttemptTimeout", "00:30:00"), ("VirusTotal:Http:TotalTimeout", "01:00:00"));
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(_clock);
        if (storage is not null) services.AddStorage(configuration);
        var replica = services.AddVirusTotalIntel(configuration).BuildServiceProvider();
        _replicas.Add(replica);
        return replica;
    }
}
