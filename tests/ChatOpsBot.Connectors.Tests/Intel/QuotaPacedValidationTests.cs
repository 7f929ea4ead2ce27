using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ChatOpsBot.Connectors.LocalLogs;
using ChatOpsBot.Connectors.Tests.TestSupport;
using ChatOpsBot.Connectors.VirusTotal;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Connectors.Tests.Intel;

/// <summary>
/// A hunt whose 50 feed IPs all have hits, validated on VirusTotal with a public key's quota (4 a minute) against a
/// loopback VirusTotal that enforces it strictly: a sliding 60 s window over arrival times, 200 ms latency each way.
/// The bot, the server and the database ledger share one clock running 120 times real time, so the ~13 minutes the
/// quota imposes pass in seconds and the server judges the bot on the bot's own clock.
/// </summary>
public sealed partial class QuotaPacedValidationTests : IDisposable
{
    private const int Ips = 50;
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _temp = new();
    private readonly AcceleratedTimeProvider _clock = new(Start, factor: 120);
    private readonly StrictQuotaVirusTotal _virusTotal;

    public QuotaPacedValidationTests()
    {
        _virusTotal = new StrictQuotaVirusTotal(_clock, malicious: ["198.51.100.7"]);
    }

    public void Dispose()
    {
        _virusTotal.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task FiftyIpValidation_StrictFourPerMinute_NoRequestRefused_AndTheWaitIsShown()
    {
        var feed = _temp.File("feed.txt", string.Join('\n', Enumerable.Range(1, Ips).Select(Ip)) + "\n");
        var logs = new StringBuilder("ts,src_ip,dest_ip,bytes\n");
        foreach (var i in Enumerable.Range(1, Ips)) logs.Append(CultureInfo.InvariantCulture, $"2026-11-27T12:00:{i % 60:D2}Z,10.30.0.{i},{Ip(i)},{100 * i}\n");
        var logFile = _temp.File("logs/conn.csv", logs.ToString());
        await using var bot = await BotHarness.StartAsync(BotHarness.Configuration(_temp.Path,
            ("LocalLogs:Paths:0", logFile),
            ("VirusTotal:BaseUrl", _virusTotal.ApiRoot.ToString()), ("VirusTotal:ApiKey", StrictQuotaVirusTotal.ApiKey),
            // The public API's defaults: 4 a minute, 500 a day, a 2 s margin. No retries: a 429 must show, not be retried away.
            ("VirusTotal:Http:MaxRetryAttempts", "0"), ("VirusTotal:Http:AttemptTimeout", "00:30:00"), ("VirusTotal:Http:TotalTimeout", "01:00:00")),
            (services, config) => services.AddLocalLogSiem(config).AddVirusTotalIntel(config), _clock);

        var run = await bot.RunAsync(new RunSettings
        {
            Feed = feed, WindowFrom = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero), WindowTo = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero),
            StartedBy = "test",
        });

        Assert.Empty(BotHarness.Failures(run));
        Assert.Equal(RunState.Resolved, run.State);
        Assert.Equal(Ips, run.RemoteIps.Count);
        Assert.Equal(["198.51.100.7"], run.RemoteIps.Where(r => r.Status == IpVerdictStatus.Malware).Select(r => r.Ip));
        var arrivals = _virusTotal.Arrivals;
        Assert.Equal(Ips, arrivals.Count);
        Assert.Equal(0, _virusTotal.Refused);
        // The quota really held the lookups back: 50 at 4 a minute span at least 12 windows.
        Assert.True(arrivals[^1].At - arrivals[0].At >= TimeSpan.FromMinutes(12), $"50 lookups went in {arrivals[^1].At - arrivals[0].At}");

        // While waiting, the run said how far it was and how long the wait would be.
        var progress = bot.Channel.Notifications.Where(n => n.RunId == run.Id && n.Kind == NotificationKind.Progress)
            .Select(n => WaitLine().Match(n.Title)).Where(m => m.Success).ToList();
        Assert.True(progress.Count >= 10, $"only {progress.Count} progress message(s) about the quota");
        var done = progress.Select(m => int.Parse(m.Groups["done"].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(done.Order(), done);
        Assert.True(done[^1] >= Ips - 8, $"the last wait was shown at {done[^1]} of {Ips}");
    }

    private static string Ip(int i) => $"198.51.100.{i}";

    [GeneratedRegex(@"^intel: (?<done>\d+) of 50 IPs, next batch in \d+ (s|min)$")]
    private static partial Regex WaitLine();
}
