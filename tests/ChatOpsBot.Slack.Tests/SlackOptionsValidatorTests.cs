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
}
