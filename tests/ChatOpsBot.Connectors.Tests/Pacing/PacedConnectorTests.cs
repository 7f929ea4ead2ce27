using System.Net;
using ChatOpsBot.Connectors.CombinedIntel;
using ChatOpsBot.Connectors.Otx;
using ChatOpsBot.Connectors.Tests.EndToEnd;
using ChatOpsBot.Connectors.Tests.TestSupport;
using ChatOpsBot.Connectors.VirusTotal;
using ChatOpsBot.Core.Intel;
using ChatOpsBot.Core.Quotas;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Connectors.Tests.Pacing;

/// <summary>How the OTX and VirusTotal clients live with their pacers: retries take slots, a used-up day fails at once.</summary>
public sealed class PacedConnectorTests : IDisposable
{
    private readonly List<IDisposable> _disposables = [];

    public void Dispose()
    {
        foreach (var d in Enumerable.Reverse(_disposables)) d.Dispose();
    }

    [Fact]
    public async Task VirusTotal_RetryAfterA429_TakesASlotOfItsOwn()
    {
        var calls = 0;
        var server = Keep(new FakeApiServer((_, response, _) => Interlocked.Increment(ref calls) == 1
            ? FakeApiServer.Json(response, """{"error":{"code":"QuotaExceededError","message":"Quota exceeded"}}""", 429, ("Retry-After", "0"))
            : FakeApiServer.Json(response, """{"data":{"attributes":{"last_analysis_stats":{"malicious":0,"suspicious":0,"harmless":70,"undetected":0}}}}""")));
        var ledger = new RecordingQuotaLedger(TimeProvider.System);

        var intel = Keep(Provider(server, ledger, ("VirusTotal:RequestsPerMinute", "1000"))).GetRequiredService<IThreatIntel>();
        var answer = await intel.LookupIpAsync(IPAddress.Parse("203.0.113.9"), CancellationToken.None);

        Assert.Equal(Verdict.Harmless, answer.Verdict);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(2, ledger.Taken.Count(t => t.Provider == "VirusTotal"));
    }

    [Fact]
    public async Task VirusTotal_DailyQuotaUsedUp_FailsAtOnceSayingWhenItResets()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 21, 30, 0, TimeSpan.Zero));
        var server = Keep(new FakeApiServer((_, response, _) =>
            FakeApiServer.Json(response, """{"data":{"attributes":{"last_analysis_stats":{"malicious":0,"suspicious":0,"harmless":70,"undetected":0}}}}""")));
        var services = Keep(Provider(server, new RecordingQuotaLedger(clock), [("VirusTotal:RequestsPerDay", "2"), ("VirusTotal:RequestsPerMinute", "1000")], clock));
        var intel = services.GetRequiredService<IThreatIntel>();
        await intel.LookupIpAsync(IPAddress.Parse("203.0.113.1"), CancellationToken.None);
        await intel.LookupIpAsync(IPAddress.Parse("203.0.113.2"), CancellationToken.None);

        var error = await Assert.ThrowsAsync<IntelQuotaExhaustedException>(() => intel.LookupIpAsync(IPAddress.Parse("203.0.113.3"), CancellationToken.None));

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal("VirusTotal", error.Provider);
        Assert.Equal("2 requests per UTC day", error.Quota);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 0, 0, 2, TimeSpan.Zero), error.ResetsAt);
        Assert.Contains("2026-11-29 00:00 UTC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtxAndVirusTotal_VirusTotalDayUsedUp_OtxVerdictStandsAndTheSourceSaysWhy()
    {
        var otx = Keep(new FakeOtx(Path.Combine(BotHarness.Samples, "intel", "otx-pulses.json")));
        var virusTotal = Keep(new FakeVirusTotal([], [], []));
        var services = Keep(new ServiceCollection()
            .AddOtxAndVirusTotalIntel(TestConfiguration.From(
            [
                ("Otx:BaseUrl", otx.Server.BaseAddress.ToString()), ("Otx:ApiKey", FakeOtx.ApiKey), .. FastHttp.For("Otx"),
                ("VirusTotal:BaseUrl", virusTotal.ApiRoot.ToString()), ("VirusTotal:ApiKey", FakeVirusTotal.ApiKey), ("VirusTotal:RequestsPerDay", "1"),
                ("VirusTotal:RequestsPerMinute", "1000"), .. FastHttp.For("VirusTotal"),
            ]))
            .BuildServiceProvider());
        var intel = services.GetRequiredService<IThreatIntel>();
        await intel.LookupIpAsync(IPAddress.Parse("203.0.113.1"), CancellationToken.None);

        var answer = await intel.LookupIpAsync(IPAddress.Parse("185.220.101.47"), CancellationToken.None);

        Assert.Equal(Verdict.Malicious, answer.Verdict);
        Assert.NotEmpty(answer.Pulses);
        Assert.StartsWith("OTX (VirusTotal's quota of 1 requests per UTC day used up until ", answer.Source, StringComparison.Ordinal);
        Assert.Single(virusTotal.Server.Requests);
    }

    [Fact]
    public async Task Otx_ManyLookups_GoInParallelWithinTheConfiguredConcurrencyAndRate()
    {
        var inFlight = 0;
        var peak = 0;
        var arrivals = new List<DateTimeOffset>();
        var server = Keep(new FakeApiServer(async (_, response, _) =>
        {
            lock (arrivals) arrivals.Add(TimeProvider.System.GetUtcNow());
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref peak, now);
            await Task.Delay(100);
            Interlocked.Decrement(ref inFlight);
            await FakeApiServer.Json(response, """{"validation":[],"pulse_info":{"count":0,"pulses":[]}}""");
        }));
        var intel = Keep(new ServiceCollection()
            .AddOtxIntel(TestConfiguration.From(
            [
                ("Otx:BaseUrl", server.BaseAddress.ToString()), ("Otx:ApiKey", "k"), ("Otx:RequestsPerSecond", "8"), ("Otx:MaxConcurrency", "4"),
                ("Otx:QuotaMargin", "00:00:00"), .. FastHttp.For("Otx"),
            ]))
            .BuildServiceProvider()).GetRequiredService<IThreatIntel>();

        await Task.WhenAll(Enumerable.Range(1, 24).Select(i => intel.LookupIpAsync(IPAddress.Parse($"203.0.113.{i}"), CancellationToken.None)));

        Assert.Equal(24, server.Requests.Count);
        Assert.InRange(peak, 2, 4);
        // No second holds more than the rate (the server's arrivals, on the same clock).
        Assert.All(arrivals, a => Assert.InRange(arrivals.Count(b => b > a - TimeSpan.FromSeconds(1) && b <= a), 1, 8));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
    }

    private static ServiceProvider Provider(FakeApiServer server, IQuotaLedger ledger, params (string Key, string? Value)[] settings) =>
        Provider(server, ledger, settings, TimeProvider.System);

    private static ServiceProvider Provider(FakeApiServer server, IQuotaLedger ledger, (string Key, string? Value)[] settings, TimeProvider clock) =>
        new ServiceCollection()
            .AddSingleton(clock)
            .AddSingleton(ledger)
            .AddVirusTotalIntel(TestConfiguration.From(FastHttp.Merge(
                [("VirusTotal:BaseUrl", new Uri(server.BaseAddress, "api/v3").ToString()), ("VirusTotal:ApiKey", "k"), .. FastHttp.For("VirusTotal"), .. settings])))
            .BuildServiceProvider();

    private T Keep<T>(T disposable) where T : IDisposable
    {
        _disposables.Add(disposable);
        return disposable;
    }
}
