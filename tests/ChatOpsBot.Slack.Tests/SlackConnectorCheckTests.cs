using System.Net;
using ChatOpsBot.Core.Health;
using ChatOpsBot.Slack.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Slack.Tests;

/// <summary>The <c>check</c> line for Slack: <c>auth.test</c> against the fake Web API, as <see cref="SlackExtensions.AddSlackCheck"/> registers it.</summary>
public sealed class SlackConnectorCheckTests
{
    [Fact]
    public async Task Check_TokenAccepted_NamesTheBotAndWorkspace()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.Script("auth.test", HttpStatusCode.OK, """{"ok":true,"url":"https://soc.slack.com/","team":"SOC","user":"c2hunt","team_id":"T1","user_id":"U1","bot_id":"B1"}""");

        var health = await CheckAsync(slack);

        Assert.True(health.Healthy, health.Message);
        Assert.Equal("bot token valid: c2hunt in workspace SOC", health.Message);
        Assert.Single(slack.CallsTo("auth.test"));
    }

    [Fact]
    public async Task Check_TokenRevoked_FailsWithSlacksError()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.Fail("auth.test", "token_revoked");

        var health = await CheckAsync(slack);

        Assert.False(health.Healthy);
        Assert.Equal("auth.test failed: token_revoked", health.Message);
    }

    private static async Task<ConnectorHealth> CheckAsync(FakeSlack slack)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = "xoxb-check", ["Slack:SigningSecret"] = "s", ["Slack:Channel"] = "C1", ["Slack:ApiBaseUrl"] = slack.ApiBase.ToString(),
        }).Build();
        await using var provider = new ServiceCollection().AddLogging().AddSlackCheck(configuration).BuildServiceProvider();
        var check = Assert.Single(provider.GetServices<IConnectorCheck>());
        Assert.Equal("chat (Slack)", check.Name);
        return await check.CheckAsync(CancellationToken.None);
    }
}
