using ChatOpsBot.Core.Playbook.Closure;
using ChatOpsBot.Core.Playbook.Containment;
using ChatOpsBot.Core.Playbook.Hunt;
using ChatOpsBot.Core.Playbook.InitialCompromise;
using ChatOpsBot.Core.Playbook.Pivot;
using ChatOpsBot.Core.Playbook.Validation;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Playbook.Engine;

namespace ChatOpsBot.Core.Tests.Playbook.Engine;

public sealed class RunSectionsTests
{
    [Fact]
    public void A_new_run_is_in_the_hunt() => Assert.Equal("Hunt", RunSections.Current(new PlaybookRun()));

    [Fact]
    public void The_first_section_under_way_is_current()
    {
        var run = new PlaybookRun();
        run.Hunt.State = nameof(HuntState.Completed);
        run.Validation.State = nameof(ValidationState.Completed);
        run.Pivot.State = nameof(PivotState.AwaitingGo);

        Assert.Equal("Pivot", RunSections.Current(run));
    }

    [Fact]
    public void A_hunt_that_found_nothing_shows_the_section_it_moved_on_to()
    {
        var run = new PlaybookRun();
        run.Hunt.State = nameof(HuntState.NothingFound);
        run.Closure.State = nameof(ClosureState.WritingShiftLog);

        Assert.Equal("Closure", RunSections.Current(run));
    }

    [Fact]
    public void Between_sections_the_first_unfinished_one_is_current()
    {
        var run = new PlaybookRun();
        run.Hunt.State = nameof(HuntState.Completed);

        Assert.Equal("Validation", RunSections.Current(run));
    }

    [Fact]
    public void A_run_with_every_section_finished_is_done()
    {
        var run = new PlaybookRun();
        run.Hunt.State = nameof(HuntState.Completed);
        run.Validation.State = nameof(ValidationState.Completed);
        run.Containment.State = nameof(ContainmentState.Completed);
        run.Pivot.State = nameof(PivotState.Completed);
        run.InitialCompromise.State = nameof(InitialCompromiseState.Completed);
        run.Closure.State = nameof(ClosureState.Resolved);

        Assert.Equal(RunSections.Done, RunSections.Current(run));
    }
}
