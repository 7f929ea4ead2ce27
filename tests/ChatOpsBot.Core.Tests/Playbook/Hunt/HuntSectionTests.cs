using ChatOpsBot.Core.Playbook.Hunt;
using ChatOpsBot.Core.Runs;
using static ChatOpsBot.Core.Playbook.Hunt.HuntState;
using static ChatOpsBot.Core.Playbook.Hunt.HuntTrigger;

namespace ChatOpsBot.Core.Tests.Playbook.Hunt;

public sealed class HuntSectionTests : MachineTableTests<HuntState, HuntTrigger>
{
    private static readonly (HuntState, bool?, HuntTrigger, HuntState)[] Rows =
    [
        (NotStarted, null, Started, LoadingFeed),
        (LoadingFeed, null, FeedLoaded, QueryingSiem),
        (QueryingSiem, true, QueryCompleted, PostingFindings),
        (QueryingSiem, false, QueryCompleted, NothingFound),
        (PostingFindings, null, FindingsPosted, Completed),
    ];

    public static TheoryData<HuntState, bool, HuntTrigger, HuntState> Transitions => Expand(Rows);
    public static TheoryData<HuntState, bool> States => EveryStateAndData();

    protected override IReadOnlyList<(HuntState From, bool? Pending, HuntTrigger Trigger, HuntState To)> Table => Rows;

    protected override PlaybookRun Arrange(HuntState state, bool pending)
    {
        var run = new PlaybookRun { Id = "r-test" };
        run.Hunt.State = state.ToString();
        if (pending) run.Hits.Add(new HitRecord { Host = "10.20.1.15", RemoteIp = "185.220.101.47", Connections = 1 });
        return run;
    }

    protected override string Persisted(PlaybookRun run) => run.Hunt.State;
    protected override HuntState Rebuilt(PlaybookRun run) => HuntSection.CreateMachine(run).State;
    protected override bool CanFire(PlaybookRun run, HuntTrigger trigger) => HuntSection.CreateMachine(run).CanFire(trigger);
    protected override void Fire(PlaybookRun run, HuntTrigger trigger) => HuntSection.CreateMachine(run).Fire(trigger);

    [Theory]
    [InlineData("Completed", false)]
    [InlineData("NothingFound", false)]
    [InlineData("QueryingSiem", true)]
    [InlineData("NotStarted", true)]
    public void HasWork_ByPersistedState_IsFalseOnlyWhenFinished(string state, bool expected)
    {
        var run = new PlaybookRun();
        run.Hunt.State = state;

        Assert.Equal(expected, new HuntSection().HasWork(run));
    }
}
