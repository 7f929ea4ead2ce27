using ChatOpsBot.Cli;
using ChatOpsBot.Composition;
using ChatOpsBot.Slack.Tests.TestSupport;

namespace ChatOpsBot.Slack.Tests.SocketMode;

/// <summary>The <c>check</c> verb (no Slack client running) asks Slack for a Socket Mode URL once and reports the answer.</summary>
public sealed class SocketModeCheckTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("chatopsbot-slack-check-").FullName;
    private FakeSlack _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlack.StartAsync();

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; a leftover temp folder is harmless.
        }
    }

    [Fact]
    public async Task Check_AppTokenRefused_FailsNamingSlacksError()
    {
        _slack.KeepFailing("apps.connections.open", "not_allowed_token_type");
        using var output = new StringWriter();

        var exit = await CheckCommand.RunAsync(Settings(), output, CancellationToken.None);

        Assert.Equal(CheckCommand.Unhealthy, exit);
        var line = Assert.Single(output.ToString().Split(Environment.NewLine), l => l.Contains("Slack Socket Mode", StringComparison.Ordinal));
        Assert.StartsWith("FAIL", line, StringComparison.Ordinal);
        Assert.Contains("not_allowed_token_type", line, StringComparison.Ordinal);
        Assert.DoesNotContain("xapp-test-token", output.ToString(), StringComparison.Ordinal);
        Assert.Single(_slack.CallsTo("apps.connections.open"));
        Assert.DoesNotContain(_slack.Calls, c => c.Method == "socket");
    }

    [Fact]
    public async Task Check_AppTokenAccepted_PassesWithoutOpeningASocket()
    {
        using var output = new StringWriter();

        var exit = await CheckCommand.RunAsync(Settings(), output, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Contains(output.ToString().Split(Environment.NewLine), l => l.StartsWith("OK", StringComparison.Ordinal) && l.Contains("Slack Socket Mode", StringComparison.Ordinal));
        Assert.Equal("Bearer xapp-test-token", Assert.Single(_slack.CallsTo("apps.connections.open")).Authorization);
        Assert.DoesNotContain(_slack.Calls, c => c.Method == "socket");
    }

    private Dictionary<string, string?> Settings()
    {
        var samples = RepositoryPaths.Samples() ?? throw new InvalidOperationException("samples/ not found");
        return new Dictionary<string, string?>(DemoSettings.Configuration(samples))
        {
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_directory, "bot.db")}",
            ["ShiftLog:File"] = Path.Combine(_directory, "shift-log.md"),
            ["Slack:SocketMode"] = "true",
            ["Slack:AppToken"] = "xapp-test-token",
            ["Slack:BotToken"] = "xoxb-test-token",
            ["Slack:Channel"] = BotHost.Channel,
            ["Slack:ApiBaseUrl"] = _slack.ApiBase.ToString(),
        };
    }
}
