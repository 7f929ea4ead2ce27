using System.Collections.Concurrent;
using System.Net;
using ChatOpsBot.Connectors.IntelCache;
using ChatOpsBot.Core.Intel;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Connectors.Tests.IntelCache;

public sealed class CachedThreatIntelTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private static readonly PulseRef Emotet = new("p1", "Emotet epoch 5", ["botnet"], ["Emotet"]);

    private readonly FakeTimeProvider _clock = new(T0);
    private readonly MemoryCache _cache = new();
    private readonly CountingIntel _source = new();

    [Fact]
    public async Task LookupIpAsync_AskedAgainWhileFresh_AnswersFromTheCacheWithItsFetchTime()
    {
        _source.Ip = new IpIntel(Verdict.Malicious, [Emotet], "OTX") { Detail = "in 1 pulse" };
        var intel = Cached();

        var first = await intel.LookupIpAsync(IPAddress.Parse("203.0.113.7"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(6));
        var second = await intel.LookupIpAsync(IPAddress.Parse("::ffff:203.0.113.7"), CancellationToken.None);

        Assert.Equal(1, _source.Calls);
        Assert.Null(first.CachedAt);
        Assert.Equal(T0, second.CachedAt);
        Assert.Equal((Verdict.Malicious, "OTX", "in 1 pulse"), (second.Verdict, second.Source, second.Detail));
        Assert.Equal(Emotet, Assert.Single(second.Pulses));
    }

    [Theory]
    [InlineData(Verdict.Malicious, 7)]
    [InlineData(Verdict.Suspicious, 1)]
    [InlineData(Verdict.Harmless, 1)]
    [InlineData(Verdict.Unknown, 1)]
    public async Task LookupIpAsync_OnceTheVerdictsFreshnessPassed_AsksTheSourceAgain(Verdict verdict, int days)
    {
        _source.Ip = new IpIntel(verdict, [], "OTX");
        var intel = Cached();
        await intel.LookupIpAsync(IPAddress.Parse("203.0.113.7"), CancellationToken.None);

        _clock.Advance(TimeSpan.FromDays(days) - TimeSpan.FromSeconds(1));
        await intel.LookupIpAsync(IPAddress.Parse("203.0.113.7"), CancellationToken.None);
        Assert.Equal(1, _source.Calls);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var again = await intel.LookupIpAsync(IPAddress.Parse("203.0.113.7"), CancellationToken.None);
        Assert.Equal(2, _source.Calls);
        Assert.Null(again.CachedAt);
    }

    [Fact]
    public async Task Lookups_ThatFail_AreNeverCached()
    {
        _source.Fail = true;
        var intel = Cached();

        await Assert.ThrowsAsync<HttpRequestException>(() => intel.LookupUrlAsync("http://a.example/x", CancellationToken.None));
        _source.Fail = false;
        await intel.LookupUrlAsync("http://a.example/x", CancellationToken.None);

        Assert.Equal(2, _source.Calls);
        Assert.Single(_cache.Entries);
    }

    [Fact]
    public async Task BypassingScope_AsksTheSource_AndRefreshesTheCacheForLaterLookups()
    {
        var intel = Cached();
        await intel.LookupFileHashAsync("ABCDEF0123", CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(1));

        var fresh = await intel.For(new IntelScope { BypassCache = true }).LookupFileHashAsync("abcdef0123", CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(1));
        var later = await intel.LookupFileHashAsync("abcdef0123", CancellationToken.None);

        Assert.Equal(2, _source.Calls);
        Assert.Null(fresh.CachedAt);
        Assert.Equal(T0 + TimeSpan.FromHours(1), later.CachedAt);
        Assert.True(_source.Scopes.Single().BypassCache);
    }

    [Fact]
    public async Task PulseIndicators_AreCachedForTheirOwnFreshness()
    {
        _source.PulseIps = [IPAddress.Parse("198.51.100.1"), IPAddress.Parse("198.51.100.2")];
        var intel = Cached(new IntelCacheOptions { PulseIndicators = TimeSpan.FromHours(2) });

        await intel.GetPulseIpv4IndicatorsAsync("p1", CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(1));
        var cached = await intel.GetPulseIpv4IndicatorsAsync("p1", CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(1));
        await intel.GetPulseIpv4IndicatorsAsync("p1", CancellationToken.None);

        Assert.Equal(_source.PulseIps, cached);
        Assert.Equal(2, _source.Calls);
    }

    [Fact]
    public async Task CacheThatFails_IsSteppedAround()
    {
        _cache.Broken = true;
        var intel = Cached();

        var answer = await intel.LookupIpAsync(IPAddress.Parse("203.0.113.7"), CancellationToken.None);

        Assert.Equal(Verdict.Unknown, answer.Verdict);
        Assert.Equal(1, _source.Calls);
    }

    [Fact]
    public async Task Disabled_NeitherReadsNorWrites()
    {
        var intel = Cached(new IntelCacheOptions { Enabled = false });

        await intel.LookupIpAsync(IPAddress.Parse("203.0.113.7"), CancellationToken.None);
        await intel.LookupIpAsync(IPAddress.Parse("203.0.113.7"), CancellationToken.None);

        Assert.Equal(2, _source.Calls);
        Assert.Empty(_cache.Entries);
    }

    private CachedThreatIntel Cached(IntelCacheOptions? options = null) =>
        new(_source, "OTX", _cache, options ?? new IntelCacheOptions(), _clock, NullLogger<CachedThreatIntel>.Instance);

    /// <summary>A source that counts what it is asked.</summary>
    private sealed class CountingIntel : IThreatIntel
    {
        private int _calls;

        public int Calls => _calls;
        public IpIntel Ip { get; set; } = new(Verdict.Unknown, [], "OTX");
        public IReadOnlyList<IPAddress> PulseIps { get; set; } = [];
        public bool Fail { get; set; }
        public ConcurrentQueue<IntelScope> Scopes { get; } = new();

        public IThreatIntel For(IntelScope scope)
        {
            Scopes.Enqueue(scope);
            return this;
        }

        public Task<IpIntel> LookupIpAsync(IPAddress ip, CancellationToken cancellationToken) => Answer(Ip);

        public Task<IReadOnlyList<IPAddress>> GetPulseIpv4IndicatorsAsync(string pulseId, CancellationToken cancellationToken) => Answer(PulseIps);

        public Task<IndicatorVerdict> LookupFileHashAsync(string hash, CancellationToken cancellationToken) => Answer(new IndicatorVerdict(Verdict.Malicious, "in 1 pulse"));

        public Task<IndicatorVerdict> LookupUrlAsync(string url, CancellationToken cancellationToken) => Answer(new IndicatorVerdict(Verdict.Suspicious, "in 1 pulse"));

        private Task<T> Answer<T>(T value)
        {
            Interlocked.Increment(ref _calls);
            return Fail ? Task.FromException<T>(new HttpRequestException("down")) : Task.FromResult(value);
        }
    }

    /// <summary>The verdict cache in memory, keyed like the database's.</summary>
    private sealed class MemoryCache : IIntelCache
    {
        public ConcurrentDictionary<(string, IndicatorKind, string), IntelCacheEntry> Entries { get; } = new();
        public bool Broken { get; set; }

        public Task<IntelCacheEntry?> FindAsync(string provider, IndicatorKind kind, string indicator, CancellationToken cancellationToken) =>
            Broken ? Task.FromException<IntelCacheEntry?>(new IOException("database is locked"))
                : Task.FromResult(Entries.TryGetValue((provider, kind, indicator), out var entry) ? entry : null);

        public Task StoreAsync(IntelCacheEntry entry, CancellationToken cancellationToken)
        {
            if (Broken) return Task.FromException(new IOException("database is locked"));
            Entries[(entry.Provider, entry.Kind, entry.Indicator)] = entry;
            return Task.CompletedTask;
        }
    }
}
