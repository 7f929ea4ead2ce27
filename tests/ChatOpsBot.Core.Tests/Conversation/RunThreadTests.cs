using ChatOpsBot.Core.Conversation;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Tests.Fakes;
using static ChatOpsBot.Core.Tests.Fakes.TestWorld;

namespace ChatOpsBot.Core.Tests.Conversation;

/// <summary>
/// Core decides what of a run is news for the whole channel (hits found, incident opened, run closed) and what stays in
/// the run's thread or on its status card; and each prompt names its subject, so no title repeats the one before it.
/// </summary>
public sealed class RunThreadTests
{
    [Fact]
    public async Task The_demo_broadcasts_only_hits_the_incident_and_the_close_and_keeps_progress_on_the_status_card()
    {
        var world = Demo();
        var bot = world.StartBot();
        var run = await bot.RunAutoAsync((await bot.StartAsync()).Id);
        Assert.Equal(RunState.Resolved, run.State);

        var broadcast = world.Channel.Notifications.Where(n => n.Placement == NotificationPlacement.Broadcast).Select(n => n.Key[(run.Id.Length + 1)..]).ToList();
        Assert.Contains("hunt:hits", broadcast);
        Assert.Contains("closure:summary", broadcast);
        Assert.Contains(broadcast, k => k.StartsWith("validation:ticket:", StringComparison.Ordinal));
        Assert.All(broadcast, k => Assert.True(k is "hunt:hits" or "closure:summary" || k.StartsWith("validation:ticket:", StringComparison.Ordinal)
                                               || k.StartsWith("pivot:hits:", StringComparison.Ordinal), k));
        Assert.True(broadcast.Count <= 6, string.Join(", ", broadcast));
        Assert.All(world.Channel.Notifications.Where(n => n.Kind == NotificationKind.Progress), n => Assert.Equal(NotificationPlacement.Status, n.Placement));
        // A dismissal only restated the answer: the answered prompt shows it now.
        Assert.DoesNotContain(world.Channel.Notifications, n => n.Key.Contains(":validation:dismissed:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_prompt_title_comes_twice_in_a_row()
    {
        var world = Demo();
        var bot = world.StartBot();
        await bot.RunAutoAsync((await bot.StartAsync()).Id);

        var titles = world.Channel.Asks.Select(a => a.Title).ToList();
        Assert.True(titles.Count >= 5);
        for (var i = 1; i < titles.Count; i++) Assert.NotEqual(titles[i - 1], titles[i]);
        Assert.Contains(titles, t => t.StartsWith("Call the helpdesk to contain ", StringComparison.Ordinal) && !t.EndsWith("the host", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_status_view_counts_hits_confirmed_and_contained_and_says_what_waits_on_whom()
    {
        var world = Demo();
        var bot = world.StartBot();
        var atContainment = await bot.RunAutoUntilAsync((await bot.StartAsync()).Id, p => p.Title.StartsWith("Call the helpdesk", StringComparison.Ordinal));

        var view = RunStatusViews.Build(atContainment, activity: "Looking up intel");

        Assert.Equal("C2 hunt · Containment", view.Title);
        Assert.Equal(atContainment.Hits.Count, view.Hits);
        Assert.True(view.Confirmed >= 1);
        Assert.Equal(0, view.Contained);
        Assert.Equal(atContainment.Hosts.Count, view.Hosts);
        Assert.Equal(atContainment.Ticket!.Id, view.Ticket);
        Assert.Equal(atContainment.Prompt!.Title, view.WaitingFor);
        Assert.Contains("approver", view.WaitingOn, StringComparison.Ordinal);
        Assert.Null(view.Activity); // a passing note is not shown while a question waits
        Assert.False(view.Finished);
    }

    [Fact]
    public async Task The_status_view_of_a_finished_run_shows_its_outcome_even_before_the_final_save()
    {
        var world = Demo();
        var bot = world.StartBot();
        var run = await bot.RunAutoAsync((await bot.StartAsync()).Id);

        Assert.Equal("C2 hunt · resolved", RunStatusViews.Build(run, "Shift log written").Title);
        run.State = RunState.Running; // the summary is delivered before the engine marks the run
        var view = RunStatusViews.Build(run, "Shift log written");
        Assert.Equal("C2 hunt · resolved", view.Title);
        Assert.True(view.Finished);
        Assert.Null(view.WaitingFor);
        Assert.Null(view.Activity);
    }
}
