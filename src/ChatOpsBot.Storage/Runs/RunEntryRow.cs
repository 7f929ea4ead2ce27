namespace ChatOpsBot.Storage.Runs;

/// <summary>Table <c>run_entries</c>: one element of one of a run's append-only lists.</summary>
public sealed class RunEntryRow
{
    public string RunId { get; set; } = "";
    public RunEntryKind Kind { get; set; }
    /// <summary>Position in the list, from 0.</summary>
    public int Seq { get; set; }
    /// <summary>The element as <see cref="Core.Runs.RunJson"/>.</summary>
    public string Json { get; set; } = "";
}
