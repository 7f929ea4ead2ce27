using ChatOpsBot.Slack.Tests.TestSupport;

namespace ChatOpsBot.Slack.Tests.EndToEnd;

public sealed class SocketModeReconnectTests
{
    [Fact]
    public async Task DisconnectOrDroppedSocket_OpensANewConnection_ThatServesCommands()
    {
        await using var bot = await BotHost.StartAsync(socketMode: true);
        var first = await bot.Slack.Sessions.Reader.ReadAsync();
        var transport1 = new SocketTransport(() => first);
        Assert.Contains("/c2hunt start", (await transport1.CommandAsync("help", BotHost.Approver))["text"]!.GetValue<string>());

        await first.DisconnectAsync();
        var second = await bot.Slack.Sessions.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Contains("/c2hunt start", (await new SocketTransport(() => second).CommandAsync("help", BotHost.Approver))["text"]!.GetValue<string>());

        second.Drop();
        var third = await bot.Slack.Sessions.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Contains("/c2hunt start", (await new SocketTransport(() => third).CommandAsync("help", BotHost.Approver))["text"]!.GetValue<string>());
        Assert.Equal(3, bot.Slack.CallsTo("apps.connections.open").Count);
    }
}
