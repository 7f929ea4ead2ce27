using System.IO.Compression;
using System.Text;
using ChatOpsBot.Connectors.Assets;
using ChatOpsBot.Connectors.Feeds;
using ChatOpsBot.Connectors.LocalLogs;
using ChatOpsBot.Connectors.Mailboxes;
using ChatOpsBot.Connectors.OfflineIntel;
using ChatOpsBot.Connectors.Tests.TestSupport;
using ChatOpsBot.Core.Playbook;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Connectors.Tests.Checks;

/// <summary>The <c>check</c> lines of the file inputs: feed, log paths, offline intel, asset inventory, .eml mailboxes.</summary>
public sealed class InputChecksTests : IDisposable
{
    private const string ZeekHeader = "#separator \\x09\n#path\tconn\n#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\n#types\ttime\tstring\taddr\tport\taddr\tport\tenum\n";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Feed_WithValidIndicators_CountsThem()
    {
        var feed = _dir.File("feed.txt", "# c2 list\n185.220.101.47,C2 of x\n10.0.0.0/8\nnot-an-ip\n");

        var health = await ConnectorChecks.RunAsync(FeedServices(feed), "feed (Playbook:Feed)");

        Assert.True(health.Healthy, health.Message);
        Assert.Contains("2 valid indicators", health.Message, StringComparison.Ordinal);
        Assert.Contains("1 invalid line", health.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage\nmore garbage\n")]
    public async Task Feed_WithoutAValidIndicator_Fails(string content)
    {
        var health = await ConnectorChecks.RunAsync(FeedServices(_dir.File("feed.txt", content)), "feed (Playbook:Feed)");

        Assert.False(health.Healthy);
        Assert.Contains("no valid indicator", health.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_Missing_FailsNamingIt()
    {
        var health = await ConnectorChecks.RunAsync(FeedServices(Path.Combine(_dir.Path, "nope.txt")), "feed (Playbook:Feed)");

        Assert.False(health.Healthy);
        Assert.Contains("nope.txt", health.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogPath_ZeekFolder_ReportsFormatAndTheTimeRangeOfPlainAndGzipFiles()
    {
        _dir.File("logs/conn.log", ZeekHeader + "1795737636.0\tC1\t10.0.0.1\t1\t1.2.3.4\t443\ttcp\n1795740000.5\tC2\t10.0.0.2\t2\t1.2.3.5\t443\ttcp\n");
        await using (var gz = new GZipStream(File.Create(Path.Combine(_dir.Path, "logs", "conn.00.log.gz")), CompressionLevel.Fastest))
            await gz.WriteAsync(Encoding.UTF8.GetBytes(ZeekHeader + "1795700000.0\tC3\t10.0.0.3\t3\t1.2.3.6\t443\ttcp\n"));

        var health = await ConnectorChecks.RunAsync(LogServices(Path.Combine(_dir.Path, "logs")), "logs (LocalLogs:Paths:0)");

        Assert.True(health.Healthy, health.Message);
        Assert.Contains("2 files, ZeekTsv", health.Message, StringComparison.Ordinal);
        Assert.Contains("records 2026-11-26 13:33:20 to 2026-11-27 00:40:00 UTC", health.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogPath_LargeFile_TakesTheLastTimestampFromItsTail()
    {
        var log = new StringBuilder(ZeekHeader);
        for (var i = 0; i < 20_000; i++) log.Append(1795737600 + i).Append("\tC\t10.0.0.1\t1\t1.2.3.4\t443\ttcp\n");
        var file = _dir.File("big.log", log.ToString());

        var health = await ConnectorChecks.RunAsync(LogServices(file), "logs (LocalLogs:Paths:0)");

        Assert.True(health.Healthy, health.Message);
        Assert.Contains($"to {DateTimeOffset.FromUnixTimeSeconds(1795737600 + 19_999):yyyy-MM-dd HH:mm:ss} UTC", health.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogPath_ZeekHeaderWithoutTheAddressColumns_FailsNamingTheFile()
    {
        _dir.File("logs/conn.log", "#separator \\x09\n#fields\tts\tuid\tproto\n1795737636.0\tC1\ttcp\n");

        var health = await ConnectorChecks.RunAsync(LogServices(Path.Combine(_dir.Path, "logs")), "logs (LocalLogs:Paths:0)");

        Assert.False(health.Healthy, health.Message);
        Assert.Contains("conn.log:", health.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogPath_EmptyFolder_Fails()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "empty"));

        var health = await ConnectorChecks.RunAsync(LogServices(Path.Combine(_dir.Path, "empty")), "logs (LocalLogs:Paths:0)");

        Assert.False(health.Healthy);
        Assert.EndsWith("has no log file", health.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogPaths_EachConfiguredPath_HasItsOwnLine()
    {
        var services = new ServiceCollection().AddLocalLogSiem(TestConfiguration.From(("LocalLogs:Paths:0", "a"), ("LocalLogs:Paths:1", "b")));
        await using var provider = services.BuildServiceProvider();

        Assert.Equal(["logs (LocalLogs:Paths:0)", "logs (LocalLogs:Paths:1)"],
            provider.GetServices<Core.Health.IConnectorCheck>().Select(c => c.Name));
    }

    [Theory]
    [InlineData("[]", false, "0 pulses")]
    [InlineData("{\"results\": [{\"id\": \"p1\", \"name\": \"x\", \"indicators\": [{\"indicator\": \"1.2.3.4\", \"type\": \"IPv4\"}]}]}", true, "1 pulses, 1 indicators")]
    [InlineData("this is not json", false, "not valid JSON")]
    [InlineData("{\"pulses\": 3}", false, "not an OTX pulse export")]
    public async Task OfflineIntel_ParsesTheExport(string content, bool healthy, string expected)
    {
        var services = new ServiceCollection().AddOfflineIntel(TestConfiguration.From(("Intel:OfflineFile", _dir.File("otx.json", content))));

        var health = await ConnectorChecks.RunAsync(services, "intel (Intel:OfflineFile)");

        Assert.Equal(healthy, health.Healthy);
        Assert.Contains(expected, health.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("host,user,email\nws-1,jdoe,jdoe@example.com\n", true, "1 hosts")]
    [InlineData("host,user\nws-1,jdoe\n", false, "no 'email' column")]
    public async Task Assets_ChecksTheColumnsTheHuntReads(string content, bool healthy, string expected)
    {
        var services = new ServiceCollection().AddCsvAssetInventory(TestConfiguration.From(("Assets:File", _dir.File("inventory.csv", content))));

        var health = await ConnectorChecks.RunAsync(services, "assets (Assets:File)");

        Assert.Equal(healthy, health.Healthy);
        Assert.Contains(expected, health.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mailboxes_CountsUsersAndMessages_AndFailsWhenTheFolderIsMissing()
    {
        _dir.File("mail/jdoe/1.eml", "Subject: hi\r\n\r\nbody");
        _dir.File("mail/asmith/2.eml", "Subject: hi\r\n\r\nbody");
        var present = new ServiceCollection().AddEmlMailboxesCheck()
            .AddEmlMailboxes(TestConfiguration.From(("Mailboxes:Directory", Path.Combine(_dir.Path, "mail"))));
        var missing = new ServiceCollection().AddEmlMailboxesCheck()
            .AddEmlMailboxes(TestConfiguration.From(("Mailboxes:Directory", Path.Combine(_dir.Path, "nomail"))));

        var ok = await ConnectorChecks.RunAsync(present, "mail (Mailboxes:Directory)");
        var failed = await ConnectorChecks.RunAsync(missing, "mail (Mailboxes:Directory)");

        Assert.True(ok.Healthy);
        Assert.Contains("2 user folders, 2 messages", ok.Message, StringComparison.Ordinal);
        Assert.False(failed.Healthy);
        Assert.Contains("does not exist", failed.Message, StringComparison.Ordinal);
    }

    private static IServiceCollection FeedServices(string feed)
    {
        var services = new ServiceCollection().AddIocFeed(TestConfiguration.From());
        services.AddOptions<PlaybookOptions>().Configure(o => o.Feed = feed);
        return services;
    }

    private static IServiceCollection LogServices(string path) =>
        new ServiceCollection().AddLocalLogSiem(TestConfiguration.From(("LocalLogs:Paths:0", path)));
}
