using System.Text.Json;
using ChatOpsBot.Storage;
using ChatOpsBot.Storage.Ticketing;
using ChatOpsBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Tests.EndToEnd;

/// <summary>The terminal mode as a newcomer runs it: the built bot, the bundled samples, a fresh database.</summary>
public sealed class DemoHuntTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Hunt_demo_auto_resolves_after_visiting_every_section()
    {
        using var data = new TempDirectory();
        await using var bot = BotProcess.Start(["hunt", "--demo", "--auto", "--report", "json"], data.Path);

        Assert.Equal(0, await bot.WaitAsync(Timeout));

        var report = ReportJson.Last(bot.Stdout);
        Assert.Equal("Resolved", report.GetProperty("state").GetString());
        Assert.Equal(["Hunt", "Validation", "Containment", "Pivot", "InitialCompromise", "Closure"], Strings(report.GetProperty("sectionsVisited")));
        Assert.Equal(["185.220.101.47", "45.137.21.9"], Strings(report.GetProperty("confirmedC2")));
        Assert.Equal(["93.184.216.34"], Strings(report.GetProperty("dismissed")));
        var contained = report.GetProperty("containedHosts").EnumerateArray().ToList();
        Assert.Equal(["10.20.1.15", "10.20.2.77"], contained.Select(h => h.GetProperty("host").GetString()!).ToArray());
        Assert.All(contained, h => Assert.Matches(@"^HD-\d{6}$", h.GetProperty("helpdeskTicket").GetString()!));
        Assert.Single(Strings(report.GetProperty("tickets")));
        Assert.Contains("45.137.21.9", Strings(report.GetProperty("pivot").GetProperty("ips")));
        Assert.Equal("10.20.2.77", report.GetProperty("pivot").GetProperty("hits")[0].GetProperty("host").GetString());
        Assert.Equal(2, report.GetProperty("invalidFeedLines").GetInt32());
        var mails = report.GetProperty("suspiciousEmails").EnumerateArray().ToList();
        Assert.Contains(mails, m => m.GetProperty("user").GetString() == "jdoe" && m.GetProperty("reason").GetString()!.Contains("invoice_2026-11.docm", StringComparison.Ordinal));
        var hit = report.GetProperty("c2Hits").EnumerateArray().First(h => h.GetProperty("remoteIp").GetString() == "185.220.101.47");
        Assert.Equal(12, hit.GetProperty("connections").GetInt32());
        Assert.True(File.Exists(Path.Combine(data.Path, "shift-log.md")));
        Assert.DoesNotContain("[INF]", bot.Stdout, StringComparison.Ordinal); // logs go to stderr in terminal mode
    }

    [Fact]
    public async Task Hunt_demo_driven_by_stdin_answers_resolves_and_reasks_a_bad_helpdesk_number()
    {
        using var data = new TempDirectory();
        await using var bot = BotProcess.Start(["hunt", "--demo", "--report", "json"], data.Path);
        string[] answers =
        [
            "1",               // 185.220.101.47: tied to malware
            "2",               // 93.184.216.34: not malicious
            "y",               // helpdesk called for 10.20.1.15
            "hd 12",           // not a helpdesk number: re-asked with the reason
            "HD-4711",
            "1",               // run the pivot
            "1",               // 45.137.21.9: tied to malware
            "1",               // helpdesk called for 10.20.2.77
            "SR-998877",
            "1",               // jdoe's invoice mail is phishing
            "@alice alice.analyst",
            "2",               // asmith's mail: not phishing
            "1",               // close
            "2",               // flag for post-mortem
            "Pivot found a host the feed missed",
        ];
        foreach (var line in answers) await bot.Stdin.WriteLineAsync(line);
        bot.Stdin.Close();

        Assert.Equal(0, await bot.WaitAsync(Timeout));

        var report = ReportJson.Last(bot.Stdout);
        Assert.Equal("Resolved", report.GetProperty("state").GetString());
        Assert.Contains("A helpdesk ticket number looks like HD-123456", bot.Stderr, StringComparison.Ordinal); // dialogue: stderr with --report
        var helpdesk = report.GetProperty("containedHosts").EnumerateArray().Select(h => h.GetProperty("helpdeskTicket").GetString()!).ToArray();
        Assert.Equal(["HD-4711", "SR-998877"], helpdesk);
        var mails = report.GetProperty("suspiciousEmails").EnumerateArray().ToList();
        Assert.Equal("alice.analyst", mails.Single(m => m.GetProperty("user").GetString() == "jdoe").GetProperty("handedTo").GetString());
        Assert.Equal("Dismissed", mails.Single(m => m.GetProperty("user").GetString() == "asmith").GetProperty("status").GetString());
        Assert.True(report.GetProperty("postMortem").GetBoolean());
        Assert.Equal("Pivot found a host the feed missed", report.GetProperty("postMortemNote").GetString());
    }

    [Fact]
    public async Task Hunt_killed_at_a_prompt_resumes_without_repeating_its_ticket()
    {
        using var data = new TempDirectory();
        string runId;
        await using (var first = BotProcess.Start(["hunt", "--demo"], data.Path))
        {
            await first.Stdin.WriteLineAsync("1");
            await first.Stdin.WriteLineAsync("2");
            await first.Stdin.WriteLineAsync("1");
            await first.Stdin.FlushAsync();
            await first.WaitForOutputAsync("Helpdesk ticket number for 10.20.1.15?", Timeout);
            runId = ReportJson.RunId(first.Stdout);
            first.Kill(); // kill -9 at the prompt
            await first.WaitAsync(Timeout);
        }

        await using var resumed = BotProcess.Start(["hunt", "--resume", runId, "--auto", "--report", "json"], data.Path);
        Assert.Equal(0, await resumed.WaitAsync(Timeout));

        var report = ReportJson.Last(resumed.Stdout);
        Assert.Equal(runId, report.GetProperty("runId").GetString());
        Assert.Equal("Resolved", report.GetProperty("state").GetString());
        Assert.Contains("Helpdesk ticket number for 10.20.1.15?", resumed.Stderr, StringComparison.Ordinal); // the open prompt is asked again (dialogue: stderr with --report)
        var tickets = await TicketsAsync(data.Path);
        var ticket = Assert.Single(tickets);
        Assert.Equal(report.GetProperty("tickets")[0].GetString(), ticket.Number);
        var details = await TicketAsync(data.Path, ticket.Number);
        Assert.Equal(details.Comments.Count, details.Comments.Select(c => c.Text).Distinct().Count());
        Assert.Single(details.Attachments, f => f.FileName.StartsWith("pivot-185.220.101.47", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hunt_with_input_ending_at_a_prompt_exits_3_and_keeps_the_run()
    {
        using var data = new TempDirectory();
        await using var bot = BotProcess.Start(["hunt", "--demo"], data.Path);
        await bot.Stdin.WriteLineAsync("1");
        bot.Stdin.Close();

        Assert.Equal(3, await bot.WaitAsync(Timeout));
        Assert.Contains("resume with: hunt --resume", bot.Stdout, StringComparison.Ordinal);
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static async Task<IReadOnlyList<TicketSummary>> TicketsAsync(string dataDirectory)
    {
        await using var services = Storage(dataDirectory);
        return await services.GetRequiredService<ITicketQueries>().ListAsync(10, CancellationToken.None);
    }

    private static async Task<TicketDetails> TicketAsync(string dataDirectory, string number)
    {
        await using var services = Storage(dataDirectory);
        return (await services.GetRequiredService<ITicketQueries>().GetAsync(number, CancellationToken.None))!;
    }

    private static ServiceProvider Storage(string dataDirectory)
    {
        SqliteConnection.ClearAllPools();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(dataDirectory, "bot.db")}",
        }).Build();
        return new ServiceCollection().AddStorage(configuration).BuildServiceProvider();
    }
}
