namespace ChatOpsBot.Core.Runs;

/// <summary>Someone else saved the run first; reload and try again.</summary>
public sealed class RunConcurrencyException(string runId, int expectedVersion)
    : Exception($"Run {runId} changed since version {expectedVersion} was read.")
{
    /// <summary>The run.</summary>
    public string RunId { get; } = runId;
    /// <summary>The version the writer had read.</summary>
    public int ExpectedVersion { get; } = expectedVersion;
}
