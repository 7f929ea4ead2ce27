using ChatOpsBot.Tests.Support;

namespace ChatOpsBot.Tests.EndToEnd;

/// <summary>The other verbs and start-up checks, run as an operator would.</summary>
public sealed class CommandLineTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Theory]
    [InlineData("Playbook__MailLookbackDays", "0", "Playbook:MailLookbackDays")]
    [InlineData("Playbook__HelpdeskTicketPattern", "([", "Playbook:HelpdeskTicketPattern")]
    [InlineData("Playbook__TriageThreshold", "-1", "Playbook:TriageThreshold")]
    [InlineData("Feed__TimeoutSeconds", "0", "Feed:TimeoutSeconds")]
    [InlineData("Storage__Provider", "Oracle", "Storage:Provider")]
    [InlineData("Siem__Provider", "Elastic", "Siem:Provider")]
    [InlineData("Mail__Provider", "Pigeon", "Mail:Provider")]
    public async Task Bad_configuration_stops_the_start_with_one_line_naming_the_key(string variable, string value, string key)
    {
        using var data = new TempDirectory();
        await using var bot = BotProcess.Start(["hunt", "--demo", "--auto"], data.Path, new Dictionary<string, string> { [variable] = value });

        Assert.Equal(2, await bot.WaitAsync(Timeout));

        var line = Assert.Single(bot.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("Configuration error:", StringComparison.Ordinal));
        Assert.Contains(key, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Run r-", bot.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_since_is_refused_with_the_accepted_forms()
    {
        using var data = new TempDirectory();
        await using var bot = BotProcess.Start(["hunt", "--demo", "--since", "yesterday"], data.Path);

        Assert.Equal(2, await bot.WaitAsync(Timeout));
        Assert.Contains("--since: 'yesterday' is not a duration; use e.g. 24h", bot.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--since", "0h", "--since: '0h' must be a positive duration.")]
    [InlineData("--since", "9999d", "--since: '9999d' is longer than the 90 days a hunt may cover.")]
    [InlineData("--until", "2026-13-01", "--until: '2026-13-01' is not a time")]
    [InlineData("--since", "2026-11-28", "--since: '2026-11-28' is not a duration")]
    public async Task Since_and_until_are_checked_as_the_chat_start_command_is(string flag, string value, string reason)
    {
        using var data = new TempDirectory();
        await using var bot = BotProcess.Start(["hunt", "--demo", "--auto", flag, value], data.Path);

        Assert.Equal(2, await bot.WaitAsync(Timeout));
        Assert.Contains(reason, bot.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Run r-", bot.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bot.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mermaid", "stateDiagram-v2", "every IP has a verdict")]
    [InlineData("dot", "digraph", "every IP has a verdict")]
    public async Task Graph_prints_the_section_machine_with_its_guards(string format, string header, string guard)
    {
        using var data = new TempDirectory();
        await using var bot = BotProcess.Start(["graph", "Validation", "--format", format], data.Path);

        Assert.Equal(0, await bot.WaitAsync(Timeout));
        Assert.Contains(header, bot.Stdout, StringComparison.Ordinal);
        Assert.Contains(guard, bot.Stdout, StringComparison.Ordinal);
        Assert.Contains("AwaitingVerdict", bot.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_list_and_show_give_the_run_and_its_timeline_with_automatic_answers_marked()
    {
        using var data = new TempDirectory();
        await using (var hunt = BotProcess.Start(["hunt", "--demo", "--auto"], data.Path))
            Assert.Equal(0, await hunt.WaitAsync(Timeout));

        await using var list = BotProcess.Start(["runs", "list"], data.Path);
        Assert.Equal(0, await list.WaitAsync(Timeout));
        var runLine = Assert.Single(list.Stdout.Split('\n'), l => l.StartsWith("r-", StringComparison.Ordinal));
        Assert.Contains("Resolved", runLine, StringComparison.Ordinal);
        var runId = runLine.Split(' ')[0];

        await using var show = BotProcess.Start(["runs", "show", runId], data.Path);
        Assert.Equal(0, await show.WaitAsync(Timeout));
        Assert.Contains("Answer", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("auto (auto) [Is 185.220.101.47 tied to malware?] Tied to malware", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("Helpdesk ticket number for 10.20.1.15?", show.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Hunt_no_cache_starts_a_run_that_bypasses_the_verdict_cache(bool noCache)
    {
        using var data = new TempDirectory();
        await using (var hunt = BotProcess.Start(noCache ? ["hunt", "--demo", "--auto", "--no-cache"] : ["hunt", "--demo", "--auto"], data.Path))
            Assert.Equal(0, await hunt.WaitAsync(Timeout));

        await using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(data.Path, "bot.db")};Pooling=False");
        await db.OpenAsync();
        await using var query = db.CreateCommand();
        query.CommandText = "SELECT \"Document\" FROM runs";
        var document = (string)(await query.ExecuteScalarAsync())!;
        Assert.Contains($"\"bypassIntelCache\":{(noCache ? "true" : "false")}", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_of_an_unknown_run_says_so()
    {
        using var data = new TempDirectory();
        await using var bot = BotProcess.Start(["hunt", "--resume", "r-nope"], data.Path);

        Assert.Equal(2, await bot.WaitAsync(Timeout));
        Assert.Contains("There is no run r-nope", bot.Stderr, StringComparison.Ordinal); // an error: stderr
    }
}
