using ChatOpsBot.Connectors.CombinedIntel;
using ChatOpsBot.Connectors.LocalLogs;
using ChatOpsBot.Connectors.Tests.EndToEnd;
using ChatOpsBot.Connectors.Tests.TestSupport;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Core.Reports;
using ChatOpsBot.Core.Runs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Connectors.Tests.Intel;

/// <summary>
/// The demo hunt on OTX + VirusTotal (loopback fakes answering from the samples' pulse export), run again on the same
/// data with the verdict cache in the bot's database: the second run asks neither provider anything and tells the
/// same story, and its prompts say the verdicts came from the cache.
/// </summary>
public sealed class VerdictCacheHuntTests : IDisposable
{
    private const string InvoiceSha256 = "ef00138257d96b553118b67a731e5c46dbe85244a942e6cdae8be93726a734fb";
    private const string LureUrl = "https://docs-secure-view.example.net/inv/2026-11/view.php?id=7731";

    private readonly TempDirectory _temp = new();
    private readonly FakeOtx _otx = new(Path.Combine(BotHarness.Samples, "intel", "otx-pulses.json"));
    private readonly FakeVirusTotal _virusTotal = new(["185.220.101.47", "45.137.21.9"], [InvoiceSha256], [LureUrl]);

    public void Dispose()
    {
        _otx.Dispose();
        _virusTotal.Dispose();
        _temp.Dispose();
    }

    private int IntelRequests => _otx.Server.Requests.Count + _virusTotal.Server.Requests.Count;

    [Fact]
    public async Task SecondHunt_SameData_MakesNoIntelRequest()
    {
        await using var bot = await StartAsync();

        var first = await bot.RunDemoAsync();
        var afterFirst = IntelRequests;
        var second = await bot.RunDemoAsync();

        Assert.Equal(RunState.Resolved, first.State);
        Assert.Empty(BotHarness.Failures(first));
        Assert.True(_otx.Server.Requests.Count > 0 && _virusTotal.Server.Requests.Count > 0, "the first hunt asked both providers");
        Assert.Equal(RunState.Resolved, second.State);
        Assert.Empty(BotHarness.Failures(second));
        Assert.Equal(afterFirst, IntelRequests);
        // The same story: what was confirmed, dismissed, pivoted on and flagged in the mail.
        var (a, b) = (RunReport.From(first), RunReport.From(second));
        Assert.Equal(["185.220.101.47", "45.137.21.9"], b.ConfirmedC2.Order(StringComparer.Ordinal));
        Assert.Equal(a.ConfirmedC2.Order(StringComparer.Ordinal), b.ConfirmedC2.Order(StringComparer.Ordinal));
        Assert.Equal(a.Dismissed, b.Dismissed);
        Assert.Equal(a.Pivot.Ips, b.Pivot.Ips);
        Assert.Equal(a.SuspiciousEmails.Select(m => (m.User, m.Subject)), b.SuspiciousEmails.Select(m => (m.User, m.Subject)));
    }

    [Fact]
    public async Task SecondHunt_ValidationPrompt_SaysTheVerdictIsFromTheCacheAndHowOld()
    {
        await using var bot = await StartAsync();
        var first = await bot.RunDemoAsync();

        var second = await bot.RunDemoAsync();

        var firstAsks = VerdictPrompts(bot, first.Id);
        var secondAsks = VerdictPrompts(bot, second.Id);
        Assert.NotEmpty(secondAsks);
        Assert.All(firstAsks, p => Assert.DoesNotContain(p.Facts, f => f.Label == "Intel age"));
        Assert.All(secondAsks, p => Assert.Matches(@"^from the verdict cache, fetched \d+ (s|min) ago \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\)$",
            Assert.Single(p.Facts, f => f.Label == "Intel age").Value));
    }

    [Fact]
    public async Task HuntWithoutCache_AsksTheProvidersAgain_AndRefreshesTheCache()
    {
        await using var bot = await StartAsync();
        await bot.RunDemoAsync();
        var firstHunt = IntelRequests;

        var fresh = await bot.RunDemoAsync(bypassIntelCache: true);
        var afterFresh = IntelRequests;
        await bot.RunDemoAsync();

        Assert.Empty(BotHarness.Failures(fresh));
        Assert.Equal(2 * firstHunt, afterFresh);
        Assert.DoesNotContain(VerdictPrompts(bot, fresh.Id).SelectMany(p => p.Facts), f => f.Label == "Intel age");
        Assert.Equal(afterFresh, IntelRequests);
    }

    private static List<Core.Dialog.Prompt> VerdictPrompts(BotHarness bot, string runId) =>
        bot.Channel.Prompts.Where(p => p.RunId == runId && p.Section == PlaybookSection.Validation && p.Title.EndsWith("tied to malware?", StringComparison.Ordinal))
            .ToList();

    private Task<BotHarness> StartAsync() => BotHarness.StartAsync(BotHarness.Configuration(_temp.Path,
        [
            ("Otx:BaseUrl", _otx.Server.BaseAddress.ToString()), ("Otx:ApiKey", FakeOtx.ApiKey), ("Otx:PageSize", "4"), .. FastHttp.For("Otx"),
            ("VirusTotal:BaseUrl", _virusTotal.ApiRoot.ToString()), ("VirusTotal:ApiKey", FakeVirusTotal.ApiKey), ("VirusTotal:RequestsPerMinute", "10000"),
            .. FastHttp.For("VirusTotal"),
        ]),
        (services, config) => services.AddLocalLogSiem(config).AddOtxAndVirusTotalIntel(config));
}
