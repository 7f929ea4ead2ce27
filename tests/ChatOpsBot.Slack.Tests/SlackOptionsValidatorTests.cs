namespace ChatOpsBot.Slack.Tests;

public sealed class SlackOptionsValidatorTests
{
    [Fact]
    public void Validate_MissingKeys_NamesEachKeyAndNoSecret()
    {
        var result = new SlackOptionsValidator().Validate(null, new SlackOptions { SigningSecret = "s3cr3t-value", SocketMode = true });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Slack:BotToken", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Slack:Channel", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Slack:AppToken", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Failures!, f => f.Contains("s3cr3t-value", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_CompleteHttpConfiguration_Succeeds() =>
        Assert.True(new SlackOptionsValidator().Validate(null, new SlackOptions { SigningSecret = "s", BotToken = "xoxb-1", Channel = "C1" }).Succeeded);

    [Theory]
    [InlineData("00:00:00", "00:01:00", "00:00:30", 1, "Slack:SocketModeConnection:InitialBackoff")]
    [InlineData("00:00:05", "00:00:02", "00:00:30", 1, "Slack:SocketModeConnection:MaxBackoff")]
    [InlineData("00:00:01", "02:00:00", "00:00:30", 1, "Slack:SocketModeConnection:MaxBackoff")]
    [InlineData("00:00:01", "00:01:00", "00:00:00", 1, "Slack:SocketModeConnection:HealthyAfter")]
    [InlineData("00:00:01", "00:01:00", "00:00:30", 0, "Slack:SocketModeConnection:MaxConnections")]
    [InlineData("00:00:01", "00:01:00", "00:00:30", 11, "Slack:SocketModeConnection:MaxConnections")]
    public void Validate_BadSocketModeConnection_NamesTheKey(string initial, string max, string healthyAfter, int connections, string key)
    {
        var options = new SlackOptions
        {
            BotToken = "xoxb-1", Channel = "C1", SocketMode = true, AppToken = "xapp-1",
            SocketModeConnection = new()
            {
                InitialBackoff = TimeSpan.Parse(initial, System.Globalization.CultureInfo.InvariantCulture),
                MaxBackoff = TimeSpan.Parse(max, System.Globalization.CultureInfo.InvariantCulture),
                HealthyAfter = TimeSpan.Parse(healthyAfter, System.Globalization.CultureInfo.InvariantCulture),
                MaxConnections = connections,
            },
        };

        var failure = Assert.Single(new SlackOptionsValidator().Validate(null, options).Failures!);

        Assert.StartsWith(key, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SocketModeDefaults_Succeed() =>
        Assert.True(new SlackOptionsValidator().Validate(null, new SlackOptions { BotToken = "xoxb-1", Channel = "C1", SocketMode = true, AppToken = "xapp-1" }).Succeeded);
}
