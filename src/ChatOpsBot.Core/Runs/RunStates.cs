namespace ChatOpsBot.Core.Runs;

/// <summary>Questions about a <see cref="RunState"/> asked in more than one place.</summary>
public static class RunStates
{
    /// <summary>True for the final states: nothing is left to resume.</summary>
    public static bool IsFinished(this RunState state) => state is RunState.Resolved or RunState.Inconclusive or RunState.Abandoned;
}
