using System.IO.Compression;
using System.Text.Json;
using ChatOpsBot.Tests.Support;

namespace ChatOpsBot.Tests.EndToEnd;

/// <summary>
/// The cases where the bot used to close a hunt as "no C2 traffic" while it had examined nothing: each is the demo
/// with one input broken, run as a user runs it, and none may end as a clean Resolved.
/// </summary>
public sealed class HonestOutcomeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private const int Inconclusive = 5;
    private const int Stopped = 4;

    [Theory]
    [InlineData("empty", "")]
    [InlineData("garbage", "hello\nthis is not a feed\n<html><body>502 Bad Gateway</body></html>\n")]
    public async Task Feed_without_a_valid_indicator_closes_inconclusive(string name, string content)
    {
        using var data = new TempDirectory();
        var feed = Write(data, $"{name}-feed.txt", content);

        var (code, report, bot) = await HuntAsync(data, "--feed", feed);

        Assert.Equal(Inconclusive, code);
        Assert.Equal("Inconclusive", report.GetProperty("state").GetString());
        AssertGap(report, "NoIndicators", "yielded no valid indicator");
        AssertShiftLogAndClosingMessageNameTheGap(data, bot, "yielded no valid indicator");
    }

    [Fact]
    public async Task Binary_file_as_feed_never_reads_as_a_clean_day()
    {
        using var data = new TempDirectory();
        var feed = Path.Combine(data.Path, "feed.bin");
        File.WriteAllBytes(feed, [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0xFF, 0xFE, 0x00, 0x3E, 0x00, 0x01]);

        var (code, report, bot) = await HuntAsync(data, "--feed", feed);

        Assert.True(code is Inconclusive or Stopped, $"exit {code}\n{bot.Stderr}");
        Assert.NotEqual("Resolved", report.GetProperty("state").GetString());
        Assert.Contains("feed.bin", bot.Stderr + bot.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_logs_directory_closes_inconclusive()
    {
        using var data = new TempDirectory();
        var logs = Directory.CreateDirectory(Path.Combine(data.Path, "logs")).FullName;

        var (code, report, bot) = await HuntAsync(data, "--logs", logs);

        Assert.Equal(Inconclusive, code);
        AssertGap(report, "NoLogs", "no log data");
        AssertShiftLogAndClosingMessageNameTheGap(data, bot, "no log data");
    }

    [Fact]
    public async Task Zeek_log_whose_header_lacks_the_address_columns_closes_inconclusive_naming_the_file()
    {
        using var data = new TempDirectory();
        var sample = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "samples", "logs", "conn.log"));
        // The same log with the responder address column renamed away: every record is unusable as a connection.
        var broken = sample.Select(l => l.StartsWith("#fields", StringComparison.Ordinal) ? l.Replace("id.resp_h", "id.resp_x", StringComparison.Ordinal) : l);
        var log = Write(data, "conn.log", string.Join('\n', broken) + "\n");

        var (code, report, bot) = await HuntAsync(data, "--logs", log);

        Assert.Equal(Inconclusive, code);
        AssertGap(report, "FileNotRead", "conn.log");
        AssertShiftLogAndClosingMessageNameTheGap(data, bot, "conn.log was not usable");
    }

    [Fact]
    public async Task Log_without_a_header_closes_inconclusive_naming_the_file()
    {
        using var data = new TempDirectory();
        var records = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "samples", "logs", "conn.log")).Where(l => !l.StartsWith('#'));
        var log = Write(data, "headless.log", string.Join('\n', records) + "\n");

        var (code, report, _) = await HuntAsync(data, "--logs", log);

        Assert.Equal(Inconclusive, code);
        AssertGap(report, "FileNotRead", "headless.log");
    }

    [Fact]
    public async Task Gzip_log_cut_in_half_is_named_truncated_and_the_hunt_is_not_clean()
    {
        using var data = new TempDirectory();
        var whole = new MemoryStream();
        await using (var gzip = new GZipStream(whole, CompressionLevel.Optimal, leaveOpen: true))
            await gzip.WriteAsync(await File.ReadAllBytesAsync(Path.Combine(RepositoryRoot.Path, "samples", "logs", "conn.log")));
        var log = Path.Combine(data.Path, "conn.log.gz");
        await File.WriteAllBytesAsync(log, whole.ToArray()[..(int)(whole.Length / 2)]); // `gzip -t` fails on it

        var (code, report, bot) = await HuntAsync(data, "--logs", log);

        Assert.NotEqual(0, code);
        Assert.NotEqual("Resolved", report.GetProperty("state").GetString());
        AssertGap(report, "FileNotRead", "conn.log.gz is truncated");
        AssertShiftLogAndClosingMessageNameTheGap(data, bot, "conn.log.gz is truncated");
    }

    [Fact]
    public async Task Window_in_the_future_closes_inconclusive()
    {
        using var data = new TempDirectory();

        var (code, report, _) = await HuntAsync(data, "--until", "2027-06-01T00:00:00Z", "--since", "24h");

        Assert.Equal(Inconclusive, code);
        AssertGap(report, "NoRecordsInWindow", "none of the");
    }

    [Fact]
    public async Task Skipped_hunt_step_closes_inconclusive_and_says_so_everywhere()
    {
        using var data = new TempDirectory();
        await using var bot = BotProcess.Start(["hunt", "--demo", "--feed", Path.Combine(data.Path, "missing-feed.txt"), "--report", "json"], data.Path);
        foreach (var answer in new[] { "2", "1", "1" }) await bot.Stdin.WriteLineAsync(answer); // skip the step, close, nothing unusual
        bot.Stdin.Close();

        Assert.Equal(Inconclusive, await bot.WaitAsync(Timeout));

        var report = ReportJson.Last(bot.Stdout);
        AssertGap(report, "StepSkipped", "was skipped by");
        AssertShiftLogAndClosingMessageNameTheGap(data, bot, "was skipped by");
        Assert.Contains("Close the hunt as inconclusive?", bot.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--feed", "missing-feed.txt", null)]
    [InlineData("--feed", "http://127.0.0.1:9/c2-ipmasterlist.txt", null)]
    [InlineData("--intel", "intel.json", "this is not JSON")]
    [InlineData("--intel", "intel.json", "[]")]
    [InlineData("--assets", "assets.csv", "host,user\n10.20.1.15,jdoe\n")]
    public async Task Auto_gives_up_on_a_permanent_failure_and_stops_the_run_resumable(string option, string file, string? content)
    {
        using var data = new TempDirectory();
        var value = file.StartsWith("http", StringComparison.Ordinal) ? file : content is null ? Path.Combine(data.Path, file) : Write(data, file, content);

        var (code, report, bot) = await HuntAsync(data, option, value);

        Assert.Equal(Stopped, code);
        var stopped = bot.Stderr.Split('\n').Single(l => l.StartsWith("Stopped:", StringComparison.Ordinal));
        Assert.Contains("2 automatic retries", stopped, StringComparison.Ordinal);
        Assert.Contains("resume it with: hunt --resume", stopped, StringComparison.Ordinal);
        Assert.Equal("AwaitingAnswer", report.GetProperty("state").GetString()); // saved at the failed step, resumable
        Assert.DoesNotContain("   at ", bot.Stderr, StringComparison.Ordinal); // no stack trace for an expected failure
        Assert.True(bot.Stderr.Length < 20_000, $"{bot.Stderr.Length} characters on stderr");
    }

    [Fact]
    public async Task Report_json_is_all_of_stdout_and_carries_coverage()
    {
        using var data = new TempDirectory();

        var (code, report, bot) = await HuntAsync(data);

        Assert.Equal(0, code);
        using var whole = JsonDocument.Parse(bot.Stdout); // stdout alone parses: nothing but the report
        Assert.Equal(2, report.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("Resolved", report.GetProperty("state").GetString());
        Assert.Equal("2026-11-28T00:00:00+00:00", report.GetProperty("window").GetProperty("to").GetString());
        Assert.Equal(38, report.GetProperty("feed").GetProperty("indicators").GetInt32());
        var hunt = report.GetProperty("coverage").GetProperty("hunt");
        Assert.Equal(290, hunt.GetProperty("recordsInWindow").GetInt64());
        Assert.Equal("Malicious", report.GetProperty("remoteIps").EnumerateArray().First(r => r.GetProperty("ip").GetString() == "185.220.101.47").GetProperty("intelVerdict").GetString());
        Assert.True(report.TryGetProperty("endedAt", out var ended) && ended.ValueKind == JsonValueKind.String);
        Assert.Contains("Run ", bot.Stderr, StringComparison.Ordinal); // the dialogue went to stderr
    }

    [Fact]
    public async Task Files_a_message_mentions_exist_and_runs_export_writes_the_ticket_and_attachments()
    {
        using var data = new TempDirectory();
        var (code, report, _) = await HuntAsync(data);
        Assert.Equal(0, code);
        var runId = report.GetProperty("runId").GetString()!;
        var runFolder = Path.Combine(data.Path, "runs", runId);
        Assert.True(File.Exists(Path.Combine(runFolder, $"{runId}-hunt-hits.csv")), "hits CSV");
        Assert.True(File.Exists(Path.Combine(runFolder, "report.json")));
        Assert.Contains(Directory.GetFiles(Path.Combine(runFolder, "attachments")), f => Path.GetFileName(f).StartsWith("pivot-185.220.101.47", StringComparison.Ordinal));
        Assert.Contains(Directory.GetFiles(Path.Combine(runFolder, "attachments")), f => f.EndsWith(".eml", StringComparison.Ordinal));

        var target = Path.Combine(data.Path, "export");
        await using var export = BotProcess.Start(["runs", "export", runId, target], data.Path);
        Assert.Equal(0, await export.WaitAsync(Timeout));
        Assert.Single(Directory.GetFiles(target, "ticket-*.md"));
        Assert.True(File.Exists(Path.Combine(target, "report.md")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(target, "attachments"), "*.eml"));
    }

    private static async Task<(int Code, JsonElement Report, BotProcess Bot)> HuntAsync(TempDirectory data, params string[] extra)
    {
        var bot = BotProcess.Start(["hunt", "--demo", "--auto", "--report", "json", .. extra], data.Path);
        var code = await bot.WaitAsync(Timeout);
        await bot.DisposeAsync();
        return (code, ReportJson.Last(bot.Stdout), bot);
    }

    private static string Write(TempDirectory data, string name, string content)
    {
        var path = Path.Combine(data.Path, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static void AssertGap(JsonElement report, string kind, string text)
    {
        var coverage = report.GetProperty("coverage");
        Assert.False(coverage.GetProperty("complete").GetBoolean());
        var gaps = coverage.GetProperty("gaps").EnumerateArray().Select(g => (Kind: g.GetProperty("kind").GetString(), Text: g.GetProperty("text").GetString()!)).ToList();
        Assert.Contains(gaps, g => g.Kind == kind && g.Text.Contains(text, StringComparison.Ordinal));
    }

    private static void AssertShiftLogAndClosingMessageNameTheGap(TempDirectory data, BotProcess bot, string text)
    {
        Assert.Contains(text, File.ReadAllText(Path.Combine(data.Path, "shift-log.md")), StringComparison.Ordinal);
        var closing = bot.Stderr[bot.Stderr.LastIndexOf("[Closure] Hunt ", StringComparison.Ordinal)..];
        Assert.Contains(text, closing, StringComparison.Ordinal);
    }
}
