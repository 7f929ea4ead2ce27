using ChatOpsBot.Core.Intel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Storage.Tests.Intel;

public class EfIntelCacheTests
{
    /// <summary>The database engine these tests run on; a subclass runs them all on PostgreSQL.</summary>
    protected virtual StorageProvider Provider => StorageProvider.Sqlite;

    private static CancellationToken Ct => CancellationToken.None;

    private static readonly DateTimeOffset Fetched = new(2026, 11, 28, 9, 15, 30, 123, TimeSpan.Zero);

    [SkippableFact]
    public async Task Store_then_find_returns_the_answer_with_its_pulses_and_fetch_time()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var cache = storage.Services.GetRequiredService<IIntelCache>();
        var entry = new IntelCacheEntry("OTX", IndicatorKind.Ip, "185.220.101.47", Verdict.Malicious, "OTX", "in 1 OTX pulse",
            [new PulseRef("674a1c2e9b3f4d0012a7c5e1", "Emotet epoch 5 C2", ["emotet", "botnet"], ["Emotet"])], [], Fetched);

        await cache.StoreAsync(entry, Ct);
        var found = await cache.FindAsync("OTX", IndicatorKind.Ip, "185.220.101.47", Ct);

        Assert.NotNull(found);
        Assert.Equal((entry.Provider, entry.Kind, entry.Indicator, entry.Verdict, entry.Source, entry.Detail, entry.FetchedAt),
            (found.Provider, found.Kind, found.Indicator, found.Verdict, found.Source, found.Detail, found.FetchedAt));
        var pulse = Assert.Single(found.Pulses);
        Assert.Equal(("674a1c2e9b3f4d0012a7c5e1", "Emotet epoch 5 C2"), (pulse.Id, pulse.Name));
        Assert.Equal(["emotet", "botnet"], pulse.Tags);
        Assert.Equal(["Emotet"], pulse.MalwareFamilies);
    }

    [SkippableFact]
    public async Task Store_again_replaces_the_answer_of_that_provider_only()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var cache = storage.Services.GetRequiredService<IIntelCache>();
        var url = "https://docs-secure-view.example.net/inv/2026-11/view.php?id=7731&" + new string('x', 3000);

        await cache.StoreAsync(UrlAnswer("OTX", url, Verdict.Unknown, Fetched), Ct);
        await cache.StoreAsync(UrlAnswer("VirusTotal", url, Verdict.Malicious, Fetched), Ct);
        await cache.StoreAsync(UrlAnswer("OTX", url, Verdict.Suspicious, Fetched.AddHours(1)), Ct);

        var otx = await cache.FindAsync("OTX", IndicatorKind.Url, url, Ct);
        var virusTotal = await cache.FindAsync("VirusTotal", IndicatorKind.Url, url, Ct);
        Assert.Equal((Verdict.Suspicious, Fetched.AddHours(1)), (otx!.Verdict, otx.FetchedAt));
        Assert.Equal(Verdict.Malicious, virusTotal!.Verdict);
        Assert.Equal(url, otx.Indicator);
        await using var db = await storage.OpenAsync();
        Assert.Equal(2, await db.IntelVerdicts.CountAsync());
    }

    [SkippableFact]
    public async Task Find_of_another_kind_or_an_unknown_indicator_returns_null()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var cache = storage.Services.GetRequiredService<IIntelCache>();
        await cache.StoreAsync(new IntelCacheEntry("OTX", IndicatorKind.PulseIndicators, "p1", Verdict.Unknown, "OTX", "", [], ["198.51.100.1"], Fetched), Ct);

        Assert.Null(await cache.FindAsync("OTX", IndicatorKind.Ip, "p1", Ct));
        Assert.Null(await cache.FindAsync("OTX", IndicatorKind.PulseIndicators, "p2", Ct));
        Assert.Equal(["198.51.100.1"], (await cache.FindAsync("OTX", IndicatorKind.PulseIndicators, "p1", Ct))!.Addresses);
    }

    private static IntelCacheEntry UrlAnswer(string provider, string url, Verdict verdict, DateTimeOffset at) =>
        new(provider, IndicatorKind.Url, url, verdict, provider, $"{verdict} by {provider}", [], [], at);
}

/// <summary>Every <see cref="EfIntelCacheTests"/> case on a real PostgreSQL server.</summary>
public sealed class EfIntelCachePostgresTests : EfIntelCacheTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
