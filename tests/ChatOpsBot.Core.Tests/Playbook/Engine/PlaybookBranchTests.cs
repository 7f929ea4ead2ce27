using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Intel;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Siem;
using ChatOpsBot.Core.Tests.Fakes;
using static ChatOpsBot.Core.Tests.Fakes.TestWorld;

namespace ChatOpsBot.Core.Tests.Playbook.Engine;

/// <summary>The other ways through the playbook: every IP dismissed, a pivot skipped.</summary>
public sealed class PlaybookBranchTests
{
    [Fact]
    public async Task AdvanceAsync_EveryIpDismissed_ResolvesWithoutTicketOrContainment()
    {
        var world = Demo();
        world.Intel.Ips[Ips.HuntC2] = new IpIntel(Verdict.Harmless, [], "fake-otx");
        world.Intel.Ips[Ips.Benign] = new IpIntel(Verdict.Harmless, [], "fake-otx");
        var bot = world.StartBot();

        var run = await bot.RunAutoAsync((await bot.StartAsync()).Id);

        // Intel spoke about every IP and the SIEM read everything: a clean "no C2 traffic".
        Assert.Equal(RunState.Resolved, run.State);
        Assert.Empty(Core.Playbook.Coverage.RunCoverage.Gaps(run));
        Assert.Null(run.Ticket);
        Assert.Empty(world.Ticketing.Calls);
        Assert.Empty(run.Hosts);
        Assert.Empty(world.Intel.PulseLookups);
        Assert.Empty(world.Mailbox.Listed);
        Assert.DoesNotContain(world.Channel.Asks, a => a.Section is PlaybookSection.Containment or PlaybookSection.Pivot);
        Assert.All(run.RemoteIps, r => Assert.Equal(IpVerdictStatus.NotMalicious, r.Status));
        Assert.Single(world.ShiftLog.Entries);
    }

    [Fact]
    public async Task AnswerAsync_SkipPivot_NeitherAttachesNorQueriesAndRecordsTheSkip()
    {
        var world = Demo();
        var bot = world.StartBot();
        var run = await bot.RunAutoUntilAsync((await bot.StartAsync()).Id, p => p.Section == PlaybookSection.Pivot);

        Assert.Equal(AnswerOutcome.Accepted, (await bot.AnswerAsync(run, "SkipPivot", People.Alice)).Outcome);
        run = await bot.RunAutoAsync(run.Id);

        Assert.Equal(RunState.Resolved, run.State);
        Assert.True(Assert.Single(run.Pivot.Records).Skipped);
        Assert.DoesNotContain(world.Siem.Queries, q => q.Purpose == QueryPurpose.Pivot);
        Assert.DoesNotContain(world.Ticketing.Tickets.Single().Attachments, a => a.ContentType == "text/csv");
        Assert.Equal([Hosts.Jdoe], run.Hosts.Select(h => h.Host));
        Assert.Contains(world.Channel.Notifications, n => n.Title == $"Pivot on {Ips.HuntC2} skipped by alice");
    }

    [Fact]
    public async Task AdvanceAsync_HostMissingFromInventory_IsContainedAndItsMailIsNotSearched()
    {
        var world = Demo();
        world.Assets.Assets.Remove(Hosts.Asmith);
        var bot = world.StartBot();

        var run = await bot.RunAutoAsync((await bot.StartAsync()).Id);

        Assert.Equal(RunState.Resolved, run.State);
        var host = run.FindHost(Hosts.Asmith)!;
        Assert.Equal((HostStatus.Contained, (string?)null), (host.Status, host.User));
        Assert.Equal(["jdoe"], world.Mailbox.Listed);
        Assert.Contains(world.Channel.Notifications, n => n.Title == $"No user known for {Hosts.Asmith}");
    }
}
