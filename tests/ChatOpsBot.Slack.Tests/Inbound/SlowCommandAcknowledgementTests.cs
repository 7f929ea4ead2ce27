using System.Diagnostics;
using System.Text.Json.Nodes;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Slack.Tests.TestSupport;
using ChatOpsBot.Storage.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Slack.Tests.Inbound;

/// <summary>
/// A command whose storage is slow (a cold database, a busy disk) is still acknowledged inside Slack's 3 seconds: the
/// acknowledgement is a holding reply and the real one follows through response_url.
/// </summary>
public sealed class SlowCommandAcknowledgementTests
{
    [Fact]
    public async Task Start_WhenWritingTheRunIsSlow_IsAcknowledgedInTime_AndTheReplyFollowsThroughResponseUrl()
    {
        await using var bot = await BotHost.StartAsync(services: s =>
        {
            s.AddSingleton<IRunStore>(sp => new SlowRunStore(ActivatorUtilities.CreateInstance<EfRunStore>(sp), TimeSpan.FromSeconds(4)));
        }, configure: c => c["Slack:CommandReplyBudget"] = "00:00:00.500");

        var clock = Stopwatch.StartNew();
        using var response = await bot.CommandAsync($"start {BotHost.DemoSince} {BotHost.DemoUntil}");
        clock.Stop();

        var ack = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"acknowledged after {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal("ephemeral", ack["response_type"]!.GetValue<string>());
        Assert.Contains("Working on it", ack["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var followUp = await Eventually.WaitAsync(() => Task.FromResult(bot.Slack.CallsTo("response_url").FirstOrDefault()), "the start reply through response_url");
        Assert.Contains("started C2 hunt", followUp.Json!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(await bot.Runs.ListAsync(5, CancellationToken.None));
    }

    [Fact]
    public async Task QuickCommand_IsAnsweredInTheAcknowledgement_WithNoFollowUp()
    {
        await using var bot = await BotHost.StartAsync();

        using var response = await bot.CommandAsync("help");

        Assert.Contains("— commands:", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        await Task.Delay(200);
        Assert.Empty(bot.Slack.CallsTo("response_url"));
    }
}
