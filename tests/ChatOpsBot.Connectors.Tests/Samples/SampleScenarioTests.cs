using System.Globalization;
using System.Net;
using ChatOpsBot.Connectors.Assets;
using ChatOpsBot.Connectors.Feeds;
using ChatOpsBot.Connectors.Mailboxes;
using ChatOpsBot.Connectors.OfflineIntel;
using ChatOpsBot.Connectors.Tests.TestSupport;
using ChatOpsBot.Core.Assets;
using ChatOpsBot.Core.Feeds;
using ChatOpsBot.Core.Intel;
using ChatOpsBot.Core.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Tests.Samples;

/// <summary>The bundled demo data, read through the real connectors, tells the story samples/README.md describes.</summary>
public sealed class SampleScenarioTests : IDisposable
{
    private const string EmotetPulse = "674a1c2e9b3f4d0012a7c5e1";
    private static readonly IPAddress A = IPAddress.Parse("185.220.101.47");
    private static readonly IPAddress B = IPAddress.Parse("93.184.216.34");
    private static readonly IPAddress C = IPAddress.Parse("45.137.21.9");
    private static readonly DateTimeOffset WindowStart = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WindowEnd = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero); // samples/demo.json

    private readonly string _samples = FindSamples();
    private readonly ServiceProvider _provider;

    public SampleScenarioTests()
    {
        var config = TestConfiguration.From(
            ("Intel:OfflineFile", Path.Combine(_samples, "intel", "otx-pulses.json")),
            ("Mailboxes:Directory", Path.Combine(_samples, "mailboxes")),
            ("Assets:File", Path.Combine(_samples, "assets", "inventory.csv")));
        _provider = new ServiceCollection()
            .AddIocFeed(config)
            .AddOfflineIntel(config)
            .AddEmlMailboxes(config)
            .AddCsvAssetInventory(config)
            .BuildServiceProvider();
        _provider.GetRequiredService<IStartupValidator>().Validate();
    }

    public void Dispose() => _provider.Dispose();

    [Fact]
    public async Task Feed_LoadsUniqueIndicatorsAndReportsTheTwoGarbageLines()
    {
        var feed = await _provider.GetRequiredService<IIocFeed>().LoadAsync(Path.Combine(_samples, "feed", "c2-ipmasterlist.txt"), CancellationToken.None);

        Assert.Equal(FeedFormat.Bambenek, feed.Format);
        Assert.Equal(38, feed.Indicators.Count);
        Assert.Equal([32, 52], feed.InvalidLines.Select(l => l.LineNumber));
        Assert.Contains(new IPNetwork(A, 32), feed.Indicators);
        Assert.Contains(new IPNetwork(B, 32), feed.Indicators);
        Assert.DoesNotContain(feed.Indicators, n => n.Contains(C));
        Assert.Contains(IPNetwork.Parse("194.165.16.0/24"), feed.Indicators);
        Assert.Contains(feed.Indicators, n => n.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6);
    }

    [Fact]
    public async Task Intel_AAndCShareTheEmotetPulse_BIsUnknown_PivotFindsC()
    {
        var intel = _provider.GetRequiredService<IThreatIntel>();

        var a = await intel.LookupIpAsync(A, CancellationToken.None);
        var b = await intel.LookupIpAsync(B, CancellationToken.None);
        var c = await intel.LookupIpAsync(C, CancellationToken.None);
        var pivot = await intel.GetPulseIpv4IndicatorsAsync(EmotetPulse, CancellationToken.None);

        Assert.Equal(Verdict.Malicious, a.Verdict);
        Assert.Equal(Verdict.Malicious, c.Verdict);
        Assert.Equal(Verdict.Unknown, b.Verdict);
        Assert.Empty(b.Pulses);
        var pulse = Assert.Single(a.Pulses);
        Assert.Equal(EmotetPulse, pulse.Id);
        Assert.Equal(["Emotet"], pulse.MalwareFamilies);
        Assert.Equal(EmotetPulse, Assert.Single(c.Pulses).Id);
        Assert.Contains(C, pivot);
        Assert.Contains(A, pivot);
    }

    [Fact]
    public async Task Mail_JdoePhishingAttachmentAndAsmithLinkAreMalicious()
    {
        var mailbox = _provider.GetRequiredService<IMailbox>();
        var intel = _provider.GetRequiredService<IThreatIntel>();

        var jdoe = await mailbox.ListRecentAsync("jdoe", WindowStart, WindowEnd, CancellationToken.None);
        var asmith = await mailbox.ListRecentAsync("asmith", WindowStart, WindowEnd, CancellationToken.None);

        Assert.Equal(3, jdoe.Count);
        Assert.DoesNotContain(jdoe, m => m.Received < WindowStart);
        var phish = Assert.Single(jdoe, m => m.Attachments.Count > 0);
        Assert.Contains("<!channel>", phish.Subject, StringComparison.Ordinal);
        Assert.Contains("*URGENT*", phish.Subject, StringComparison.Ordinal);
        var attachment = Assert.Single(phish.Attachments);
        Assert.Equal("invoice_2026-11.docm", attachment.FileName);
        Assert.Equal(Verdict.Malicious, (await intel.LookupFileHashAsync(attachment.Sha256, CancellationToken.None)).Verdict);
        var harmlessLinks = jdoe.SelectMany(m => m.Links).ToList();
        Assert.NotEmpty(harmlessLinks);
        foreach (var harmless in harmlessLinks)
        {
            Assert.Equal(Verdict.Unknown, (await intel.LookupUrlAsync(harmless, CancellationToken.None)).Verdict);
        }

        var link = Assert.Single(Assert.Single(asmith).Links);
        Assert.Equal(Verdict.Malicious, (await intel.LookupUrlAsync(link, CancellationToken.None)).Verdict);
    }

    [Theory]
    [InlineData("10.20.1.15", "jdoe")]
    [InlineData("10.20.2.77", "asmith")]
    [InlineData("10.20.3.40", "bwayne")]
    public async Task Inventory_SeededHostsMapToTheirUsersWithMailboxes(string host, string user)
    {
        var row = await _provider.GetRequiredService<IAssetInventory>().FindByHostAsync(host, CancellationToken.None);

        Assert.Equal(user, row?.User);
        Assert.Equal($"{user}@corp.example", row?.Email);
        Assert.True(Directory.Exists(Path.Combine(_samples, "mailboxes", user)));
    }

    [Fact]
    public void ConnLog_HasZeekHeaderSeededConnectionsAndStaysInTheDemoDay()
    {
        var lines = File.ReadAllLines(Path.Combine(_samples, "logs", "conn.log"));
        var fields = lines.Single(l => l.StartsWith("#fields\t", StringComparison.Ordinal)).Split('\t')[1..];
        var rows = lines.Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();

        Assert.Equal("#separator \\x09", lines[0]);
        Assert.Equal("#close", lines[^1].Split('\t')[0]);
        Assert.All(rows, r => Assert.Equal(fields.Length, r.Length));
        Assert.All(rows, r => Assert.InRange(double.Parse(r[0], CultureInfo.InvariantCulture), 1795737600, 1795823999.999999));
        Assert.Equal(12, rows.Count(r => r[2] == "10.20.1.15" && r[4] == A.ToString()));
        Assert.Equal(3, rows.Count(r => r[2] == "10.20.3.40" && r[4] == B.ToString()));
        Assert.Equal(5, rows.Count(r => r[2] == "10.20.2.77" && r[4] == C.ToString()));
        Assert.InRange(rows.Count, 250, 350);
    }

    private static string FindSamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples");
            if (Directory.Exists(Path.Combine(candidate, "feed")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("samples/ not found above the test output directory.");
    }
}
