using System.Text.Json.Nodes;
using ChatOpsBot.Connectors.LocalLogs;
using ChatOpsBot.Connectors.OfflineIntel;
using ChatOpsBot.Connectors.Tests.TestSupport;
using ChatOpsBot.Connectors.TheHive;
using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Connectors.Tests.TheHive;

/// <summary>
/// The demo hunt with TheHive as the ticket system (loopback fake): the case ends up holding every confirmed C2 IP,
/// every contained host, the phishing mails' malicious attachment hash and URLs, the phished users' addresses, and
/// the exported mails and pivot CSV as files, each exactly once, even when TheHive loses an answer and the step is
/// retried.
/// </summary>
public sealed class TheHiveCaseObservablesTests : IDisposable
{
    private const string InvoiceSha256 = "ef00138257d96b553118b67a731e5c46dbe85244a942e6cdae8be93726a734fb";

    private readonly TempDirectory _temp = new();
    private readonly FakeTheHive _hive = new();

    public void Dispose()
    {
        _hive.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task DemoHunt_Case_HoldsEveryObservableOnce()
    {
        var run = await RunDemoAsync();

        Assert.Empty(BotHarness.Failures(run));
        AssertEveryObservableOnce(run);
    }

    [Fact]
    public async Task DemoHunt_TheHiveLosesAnswers_RetriedStepsAddNothingTwice()
    {
        // The observables of the second C2 IP, and the first phishing mail's file, are written but their answers are lost.
        var (ipLost, fileLost) = (false, false);
        _hive.LoseAnswer = r =>
        {
            if (r.Method != "POST" || !r.Path.EndsWith("/observable", StringComparison.Ordinal)) return false;
            if (!ipLost && r.Text.Contains("45.137.21.9", StringComparison.Ordinal)) return ipLost = true;
            if (!fileLost && r.ContentType?.StartsWith("multipart/", StringComparison.Ordinal) == true && r.Text.Contains(".eml", StringComparison.Ordinal))
                return fileLost = true;
            return false;
        };

        var run = await RunDemoAsync();

        var failures = BotHarness.Failures(run);
        Assert.Equal(2, failures.Count);
        Assert.All(failures, f => Assert.Contains("500", f, StringComparison.Ordinal));
        AssertEveryObservableOnce(run);
    }

    private void AssertEveryObservableOnce(PlaybookRun run)
    {
        Assert.Equal(RunState.Resolved, run.State);
        var theCase = Assert.Single(_hive.Cases);
        var observables = _hive.Observables[theCase["_id"]!.GetValue<string>()];
        var data = observables.Where(o => o["data"] is not null).ToList();
        var files = observables.Where(o => o["attachment"] is not null).Select(o => o["attachment"]!["name"]!.GetValue<string>()).ToList();

        // Each value once.
        Assert.Equal(data.Count, data.Select(o => (Type(o), Value(o).ToLowerInvariant())).Distinct().Count());
        Assert.Equal(files.Count, files.Distinct().Count());

        // Every confirmed C2 IP: an indicator, tagged with its pulses and malware families.
        Assert.Equal(["185.220.101.47", "45.137.21.9"], run.RemoteIps.Where(r => r.Status == IpVerdictStatus.Malware).Select(r => r.Ip).Order(StringComparer.Ordinal));
        foreach (var ip in new[] { "185.220.101.47", "45.137.21.9" })
        {
            var c2 = Assert.Single(data, o => Value(o) == ip);
            Assert.Equal("ip", Type(c2));
            Assert.True(c2["ioc"]!.GetValue<bool>());
            Assert.Contains("c2", Tags(c2));
        }
        Assert.Contains(Tags(Assert.Single(data, o => Value(o) == "185.220.101.47")), t => t.StartsWith("pulse:", StringComparison.Ordinal));
        Assert.Contains(Tags(Assert.Single(data, o => Value(o) == "185.220.101.47")), t => t.StartsWith("family:", StringComparison.Ordinal));

        // Every contained host: a victim, not an indicator.
        var hosts = run.Hosts.Select(h => h.Host).ToList();
        Assert.Contains("10.20.1.15", hosts);
        Assert.Contains("10.20.2.77", hosts);
        foreach (var host in hosts)
        {
            var victim = Assert.Single(data, o => string.Equals(Value(o), host, StringComparison.OrdinalIgnoreCase));
            Assert.Equal(System.Net.IPAddress.TryParse(host, out _) ? "ip" : "hostname", Type(victim));
            Assert.False(victim["ioc"]!.GetValue<bool>());
            Assert.Contains("victim", Tags(victim));
        }

        // The phishing mails' malicious attachment and links, and the addresses they phished.
        var hash = Assert.Single(data, o => Type(o) == "hash");
        Assert.Equal(InvoiceSha256, Value(hash));
        Assert.True(hash["ioc"]!.GetValue<bool>());
        var urls = data.Where(o => Type(o) == "url").Select(Value).ToList();
        Assert.Equal(run.Mails.Where(m => m.Status == MailStatus.Phishing).SelectMany(m => m.FlaggedUrls).Distinct().Order(StringComparer.Ordinal), urls.Order(StringComparer.Ordinal));
        Assert.NotEmpty(urls);
        Assert.Equal(["asmith@corp.example", "jdoe@corp.example"], data.Where(o => Type(o) == "mail").Select(Value).Order(StringComparer.Ordinal));
        Assert.All(data.Where(o => Type(o) == "mail"), m => Assert.False(m["ioc"]!.GetValue<bool>()));

        // The exported mails and the pivot CSV as file observables.
        Assert.Equal(2, files.Count(f => f.EndsWith(".eml", StringComparison.Ordinal)));
        Assert.Single(files, f => f.EndsWith(".csv", StringComparison.Ordinal));
        Assert.Equal(data.Count + files.Count, observables.Count);
    }

    private async Task<PlaybookRun> RunDemoAsync(Action? onPrompt = null)
    {
        await using var bot = await BotHarness.StartAsync(BotHarness.Configuration(_temp.Path,
            ("TheHive:BaseUrl", _hive.BaseAddress.ToString()), ("TheHive:ApiKey", FakeTheHive.ApiKey), ("TheHive:TimeoutSeconds", "10"),
            ("TheHive:MaxRetries", "1"), ("TheHive:RetryBaseDelayMilliseconds", "10")),
            (services, config) => services.AddLocalLogSiem(config).AddOfflineIntel(config).AddTheHiveTicketing(config));
        return await bot.RunDemoAsync(onPrompt);
    }

    private static string Type(JsonObject o) => o["dataType"]!.GetValue<string>();

    private static string Value(JsonObject o) => o["data"]!.GetValue<string>();

    private static List<string> Tags(JsonObject o) => [.. o["tags"]!.AsArray().Select(t => t!.GetValue<string>())];
}
