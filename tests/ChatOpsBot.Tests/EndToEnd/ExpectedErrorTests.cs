using System.Net;
using System.Net.Sockets;
using System.Text;
using ChatOpsBot.Tests.Support;

namespace ChatOpsBot.Tests.EndToEnd;

/// <summary>Every error an operator can cause and fix ends the bot with one clear line on stderr and the documented exit code.</summary>
public sealed class ExpectedErrorTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_text_file_given_as_the_database_is_named_as_not_a_database()
    {
        using var data = new TempDirectory();
        var file = Path.Combine(data.Path, "notes.db");
        await File.WriteAllTextAsync(file, "these are my notes, not a database\n");
        await using var bot = BotProcess.Start(["runs", "list", "--db", file], data.Path);

        Assert.Equal(2, await bot.WaitAsync(Timeout));
        var line = ErrorOutput.AssertOneLine(bot.Stderr);
        Assert.StartsWith("Database error:", line, StringComparison.Ordinal);
        Assert.Contains($"'{file}' is not a SQLite database", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sqlite_file_with_a_garbage_header_is_named()
    {
        using var data = new TempDirectory();
        var file = Path.Combine(data.Path, "broken.db");
        // The magic string of a SQLite file, then a page header that is nonsense.
        await File.WriteAllBytesAsync(file, [.. Encoding.ASCII.GetBytes("SQLite format 3\0"), .. Enumerable.Repeat((byte)0xA5, 4096)]);
        await using var bot = BotProcess.Start(["hunt", "--demo", "--auto", "--db", file], data.Path);

        Assert.Equal(2, await bot.WaitAsync(Timeout));
        var line = ErrorOutput.AssertOneLine(bot.Stderr);
        Assert.Contains(file, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Run r-", bot.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_read_only_database_directory_is_named()
    {
        using var data = new TempDirectory();
        var directory = Path.Combine(data.Path, "readonly");
        Directory.CreateDirectory(directory);
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        try
        {
            var file = Path.Combine(directory, "bot.db");
            await using var bot = BotProcess.Start(["runs", "list", "--db", file], data.Path, launcher: WithoutRootOverride());

            Assert.Equal(2, await bot.WaitAsync(Timeout));
            var line = ErrorOutput.AssertOneLine(bot.Stderr);
            Assert.StartsWith("Database error:", line, StringComparison.Ordinal);
            Assert.Contains(file, line, StringComparison.Ordinal);
        }
        finally
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public async Task A_malformed_appsettings_json_is_named_with_its_line()
    {
        using var data = new TempDirectory();
        var settings = Path.Combine(data.Path, "appsettings.json");
        await File.WriteAllTextAsync(settings, "{\n  \"Logging\": {\n    \"Format\": \"Text\"\n  \"Playbook\": {}\n}\n");
        await using var bot = BotProcess.Start(["runs", "list"], data.Path, workingDirectory: data.Path);

        Assert.Equal(2, await bot.WaitAsync(Timeout));
        var line = ErrorOutput.AssertOneLine(bot.Stderr);
        Assert.StartsWith($"Configuration error: {settings} line 4,", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("runs")]
    [InlineData("serve")]
    public async Task A_bad_log_format_is_named(string verb)
    {
        using var data = new TempDirectory();
        string[] args = verb == "runs" ? ["runs", "list"] : ["serve"];
        await using var bot = BotProcess.Start(args, data.Path, new Dictionary<string, string>
        {
            ["Logging__Format"] = "xml", ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        });

        Assert.Equal(2, await bot.WaitAsync(Timeout));
        Assert.Equal("Configuration error: Logging:Format must be Text or Json, not 'xml'.", ErrorOutput.AssertOneLine(bot.Stderr));
    }

    [Theory]
    [InlineData("Slack__BotToken", "xoxb-1-2-3", "Slack:SigningSecret is required")]
    [InlineData("Slack__SigningSecret", "0123456789abcdef", "Slack:BotToken is required")]
    [InlineData("Teams__AppPassword", "not-a-real-secret", "Teams:AppId is required")]
    public async Task A_partial_chat_configuration_stops_the_service_naming_the_missing_key(string variable, string value, string expected)
    {
        using var data = new TempDirectory();
        await using var bot = BotProcess.Start(["serve"], data.Path, new Dictionary<string, string>
        {
            [variable] = value, ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        });

        Assert.Equal(2, await bot.WaitAsync(Timeout));
        var line = ErrorOutput.AssertOneLine(bot.Stderr);
        Assert.StartsWith("Configuration error:", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain(value, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Socket_mode_without_an_app_token_refuses_to_start()
    {
        using var data = new TempDirectory();
        await using var bot = BotProcess.Start(["serve"], data.Path, new Dictionary<string, string>
        {
            ["Slack__SocketMode"] = "true", ["Slack__BotToken"] = "xoxb-1-2-3", ["Slack__Channel"] = "C0123456789",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        });

        Assert.Equal(2, await bot.WaitAsync(Timeout));
        Assert.Equal("Configuration error: Slack:AppToken is required when Slack:SocketMode is true (the app-level token, xapp-…).",
            ErrorOutput.AssertOneLine(bot.Stderr));
    }

    [Fact]
    public async Task A_port_in_use_is_named_with_the_address()
    {
        using var data = new TempDirectory();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";
        await using var bot = BotProcess.Start(["serve"], data.Path, new Dictionary<string, string> { ["ASPNETCORE_URLS"] = address });

        Assert.Equal(2, await bot.WaitAsync(Timeout));
        Assert.Equal($"Cannot serve: Failed to bind to address {address}: address already in use.", ErrorOutput.AssertOneLine(bot.Stderr));
    }

    [Fact]
    public async Task A_second_resume_of_a_run_being_answered_is_refused_until_the_first_ends()
    {
        using var data = new TempDirectory();
        await using var first = BotProcess.Start(["hunt", "--demo"], data.Path);
        // The run is claimed as soon as it is started, before its first prompt.
        await first.WaitForOutputAsync("started (resume it with", Timeout);
        var runId = first.Stdout.Split(' ', '\n').First(w => w.StartsWith("r-", StringComparison.Ordinal)).Trim();

        await using (var second = BotProcess.Start(["hunt", "--resume", runId], data.Path))
        {
            second.Stdin.Close();
            Assert.Equal(6, await second.WaitAsync(Timeout));
            var line = ErrorOutput.AssertOneLine(second.Stderr);
            Assert.StartsWith($"Run {runId} is being answered elsewhere", line, StringComparison.Ordinal);
            Assert.DoesNotContain("Resuming", second.Stdout, StringComparison.Ordinal);
        }

        first.Stdin.Close();
        Assert.Equal(3, await first.WaitAsync(Timeout));

        await using var third = BotProcess.Start(["hunt", "--resume", runId], data.Path);
        third.Stdin.Close();
        Assert.Equal(3, await third.WaitAsync(Timeout));
        Assert.Contains($"Resuming run {runId}", third.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_as_a_verb_prints_the_same_page_as_the_help_option()
    {
        using var data = new TempDirectory();
        await using var verb = BotProcess.Start(["help", "hunt"], data.Path);
        await using var option = BotProcess.Start(["hunt", "--help"], data.Path);

        Assert.Equal(0, await verb.WaitAsync(Timeout));
        Assert.Equal(0, await option.WaitAsync(Timeout));
        Assert.Contains("--resume", verb.Stdout, StringComparison.Ordinal);
        Assert.Equal(option.Stdout, verb.Stdout);
        Assert.Empty(verb.Stderr);
    }

    /// <summary>
    /// Runs the bot with the directory permissions enforced. Root bypasses them (CAP_DAC_OVERRIDE), as the tests do in CI:
    /// there the bot runs without that capability in its bounding set, which is what a non-root user has.
    /// </summary>
    private static string[]? WithoutRootOverride() =>
        Environment.UserName == "root" ? ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"] : null;
}
