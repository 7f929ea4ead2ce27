using ChatOpsBot.Core.Playbook.Validation;
using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Core.Tests.Playbook.Validation;

/// <summary>The Validation machine built with a triage threshold; one table per threshold derives from this.</summary>
public abstract class ValidationMachineTableTests : MachineTableTests<ValidationState, ValidationTrigger>
{
    /// <summary>The triage threshold the machine is built with.</summary>
    protected abstract int Threshold { get; }

    protected override string Persisted(PlaybookRun run) => run.Validation.State;
    protected override ValidationState Rebuilt(PlaybookRun run) => ValidationSection.CreateMachine(run, Threshold).State;
    protected override bool CanFire(PlaybookRun run, ValidationTrigger trigger) => ValidationSection.CreateMachine(run, Threshold).CanFire(trigger);
    protected override void Fire(PlaybookRun run, ValidationTrigger trigger) => ValidationSection.CreateMachine(run, Threshold).Fire(trigger);
}
