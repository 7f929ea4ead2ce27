using ChatOpsBot.Core.Health;
using ChatOpsBot.Teams.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Teams.Tests.Connector;

/// <summary>The <c>check</c> line for Teams: a client-credentials token from the fake Bot Framework's token endpoint.</summary>
public sealed class TeamsConnectorCheckTests
{
    [Fact]
    public async Task Check_CredentialsAccepted_Passes_AndAsksAgainEachTime()
    {
        await using var bot = await FakeBotFramework.StartAsync();

        var (first, second) = await CheckTwiceAsync(bot, FakeBotFramework.AppPassword);

        Assert.True(first.Healthy, first.Message);
        Assert.True(second.Healthy, second.Message);
        Assert.Contains($"token issued to app {FakeBotFramework.AppId}", first.Message, StringComparison.Ordinal);
        Assert.Equal(2, bot.TokenRequests);
    }

    [Fact]
    public async Task Check_WrongPassword_FailsWithoutShowingIt()
    {
        await using var bot = await FakeBotFramework.StartAsync();

        var (health, _) = await CheckTwiceAsync(bot, "wrong-password");

        Assert.False(health.Healthy);
        Assert.Contains("refused app", health.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 401", health.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password", health.Message, StringComparison.Ordinal);
    }

    private static async Task<(ConnectorHealth, ConnectorHealth)> CheckTwiceAsync(FakeBotFramework bot, string password)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Teams:AppId"] = FakeBotFramework.AppId, ["Teams:AppPassword"] = password, ["Teams:TokenEndpoint"] = bot.TokenEndpoint,
        }).Build();
        await using var provider = new ServiceCollection().AddTeamsCheck(configuration).BuildServiceProvider();
        var check = Assert.Single(provider.GetServices<IConnectorCheck>());
        Assert.Equal("chat (Teams)", check.Name);
        return (await check.CheckAsync(CancellationToken.None), await check.CheckAsync(CancellationToken.None));
    }
}
