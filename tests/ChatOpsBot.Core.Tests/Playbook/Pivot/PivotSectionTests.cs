using ChatOpsBot.Core.Playbook.Pivot;
using ChatOpsBot.Core.Runs;
using static ChatOpsBot.Core.Playbook.Pivot.PivotState;
using static ChatOpsBot.Core.Playbook.Pivot.PivotTrigger;

namespace ChatOpsBot.Core.Tests.Playbook.Pivot;

public sealed class PivotSectionTests : MachineTableTests<PivotState, PivotTrigger>
{
    private static readonly (PivotState, bool?, PivotTrigger, PivotState)[] Rows =
    [
        (Idle, true, NextIpSelected, CollectingIndicators),
        (Idle, false, AllIpsPivoted, Completed),
        (CollectingIndicators, true, IndicatorsCollected, AwaitingGo),
        (CollectingIndicators, false, IndicatorsCollected, Idle),
        (AwaitingGo, null, RunPivot, AttachingIndicators),
        (AwaitingGo, null, SkipPivot, Idle),
        (AttachingIndicators, null, IndicatorsAttached, QueryingSiem),
        (QueryingSiem, null, QueryCompleted, Idle),
    ];

    public static TheoryData<PivotState, bool, PivotTrigger, PivotState> Transitions => Expand(Rows);
    public static TheoryData<PivotState, bool> States => EveryStateAndData();

    protected override IReadOnlyList<(PivotState From, bool? Pending, PivotTrigger Trigger, PivotState To)> Table => Rows;

    /// <summary>Pending: a hunt C2 IP not pivoted yet, and its pulses listed indicators.</summary>
    protected override PlaybookRun Arrange(PivotState state, bool pending)
    {
        var run = new PlaybookRun { Id = "r-test" };
        run.Pivot.State = state.ToString();
        run.RemoteIps.Add(new RemoteIpCase { Ip = "45.137.21.9", Origin = HitOrigin.Pivot, Status = IpVerdictStatus.Malware });
        run.RemoteIps.Add(new RemoteIpCase { Ip = "185.220.101.47", Origin = HitOrigin.Hunt, Status = IpVerdictStatus.Malware, Pivoted = !pending });
        if (pending) run.Pivot.Indicators = ["45.137.21.9"];
        return run;
    }

    protected override string Persisted(PlaybookRun run) => run.Pivot.State;
    protected override PivotState Rebuilt(PlaybookRun run) => PivotSection.CreateMachine(run).State;
    protected override bool CanFire(PlaybookRun run, PivotTrigger trigger) => PivotSection.CreateMachine(run).CanFire(trigger);
    protected override void Fire(PlaybookRun run, PivotTrigger trigger) => PivotSection.CreateMachine(run).Fire(trigger);

    [Theory]
    [InlineData(HitOrigin.Hunt, IpVerdictStatus.Malware, false, true)]
    [InlineData(HitOrigin.Pivot, IpVerdictStatus.Malware, false, false)]
    [InlineData(HitOrigin.Hunt, IpVerdictStatus.NotMalicious, false, false)]
    [InlineData(HitOrigin.Hunt, IpVerdictStatus.Pending, false, false)]
    [InlineData(HitOrigin.Hunt, IpVerdictStatus.Malware, true, false)]
    public void IsPending_OnlyConfirmedHuntIpsNotYetPivoted(HitOrigin origin, IpVerdictStatus status, bool pivoted, bool expected)
    {
        Assert.Equal(expected, PivotSection.IsPending(new RemoteIpCase { Ip = "x", Origin = origin, Status = status, Pivoted = pivoted }));
    }

    [Fact]
    public void CanFire_IdleWithOnlyPivotOriginMalware_DoesNotSelectIt()
    {
        var run = new PlaybookRun();
        run.RemoteIps.Add(new RemoteIpCase { Ip = "45.137.21.9", Origin = HitOrigin.Pivot, Status = IpVerdictStatus.Malware });
        var machine = PivotSection.CreateMachine(run);

        Assert.False(machine.CanFire(NextIpSelected));
        Assert.True(machine.CanFire(AllIpsPivoted));
    }
}
