using ChatOpsBot.Core.Conversation;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Teams.Activities;
using ChatOpsBot.Teams.Cards;
using ChatOpsBot.Teams.Tests.Fakes;
using ChatOpsBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Teams.Tests.Activities;

/// <summary>
/// Commands typed to the bot in Teams, as signed activities against the real web host: the same words as Slack's
/// <c>/c2hunt</c> (<see cref="SameCommands"/>) start the same windows and are refused for the same reasons.
/// </summary>
public sealed class TeamsCommandsTests : IAsyncLifetime
{
    private TeamsBotHost _host = null!;

    private IRunStore Runs => _host.Runs;

    public async Task InitializeAsync() => _host = await TeamsBotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<string> SayAsync(string text) => _host.SayAsync(text);

    [Theory]
    [MemberData(nameof(SameCommands.Starts), MemberType = typeof(SameCommands))]
    public async Task Start_the_same_words_as_Slack_start_the_same_window(string text, string from, string to, double hours)
    {
        var reply = await SayAsync("c2hunt " + text);

        var run = Assert.Single(await Runs.ListAsync(5, CancellationToken.None));
        Assert.StartsWith($"Started run **{run.Id}**", reply, StringComparison.Ordinal); // copyable: no backslashes
        var settings = (await Runs.FindAsync(run.Id, CancellationToken.None))!.Settings;
        Assert.Equal(TimeSpan.FromHours(hours), settings.WindowTo - settings.WindowFrom);
        Assert.Equal(SameCommands.Time(from) ?? settings.WindowFrom, settings.WindowFrom);
        if (SameCommands.Time(to) is { } end) Assert.Equal(end, settings.WindowTo);
        else Assert.InRange(settings.WindowTo, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);
        Assert.Equal(("teams", TeamsBotHost.Personal), (settings.Channel, settings.ChannelAddress));
    }

    [Theory]
    [MemberData(nameof(SameCommands.Refusals), MemberType = typeof(SameCommands))]
    public async Task Start_the_same_bad_words_as_Slack_are_refused_in_one_line_and_start_nothing(string text, string reason)
    {
        var reply = await SayAsync(text);

        var lines = reply.Split("\n\n");
        Assert.Contains(TeamsText.Escape(reason), lines[0], StringComparison.Ordinal);
        Assert.Equal($"Usage: {TeamsText.Escape("c2hunt start [since] [until]")}", lines[1]);
        Assert.Empty(await Runs.ListAsync(5, CancellationToken.None));
    }

    [Fact]
    public async Task Help_is_the_grammar_with_placeholders_escaped()
    {
        var reply = await SayAsync("c2hunt help");

        Assert.Equal(TeamsCommandReplies.Help(CommandGrammar.Commands), reply);
        foreach (var syntax in CommandGrammar.Commands) Assert.Contains(TeamsText.Escape($"c2hunt {syntax.Usage}"), reply, StringComparison.Ordinal);
        // "<" starts an HTML tag in card markdown and is escaped; ">" alone mid-text is ordinary and stays as typed.
        Assert.Contains(@"c2hunt resume \<run>", reply, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?<!\\)<run>", reply);
    }

    [Fact]
    public async Task Resume_of_a_run_another_channel_started_goes_through_the_engine()
    {
        var engine = _host.Bot.Services.GetRequiredService<Core.Playbook.Engine.PlaybookEngine>();
        var slackRun = await engine.StartAsync(new RunSettings { Channel = "slack", ChannelAddress = "CSOC", StartedBy = "bob" }, CancellationToken.None);

        var reply = await SayAsync($"c2hunt resume {slackRun.Id}");

        Assert.StartsWith($"Resuming run **{slackRun.Id}**", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("resume it there", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_stops_the_run_and_status_shows_it()
    {
        await SayAsync("c2hunt start 3d 2026-11-28T00:00Z");
        var runId = Assert.Single(await Runs.ListAsync(5, CancellationToken.None)).Id;

        Assert.Contains("is cancelled", await SayAsync($"c2hunt cancel {runId}"), StringComparison.Ordinal);
        Assert.Equal(RunState.Abandoned, (await Runs.FindAsync(runId, CancellationToken.None))!.State);
        Assert.Contains("Abandoned", await SayAsync($"c2hunt status {runId}"), StringComparison.Ordinal);
        Assert.Contains("nothing to cancel", await SayAsync($"c2hunt cancel {runId}"), StringComparison.Ordinal);
    }
}
