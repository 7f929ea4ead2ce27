namespace ChatOpsBot.Core.Runs;

/// <summary>A run with this id is already stored (e.g. another replica started the same scheduled hunt first).</summary>
public sealed class RunAlreadyExistsException(string runId, Exception? inner = null)
    : Exception($"Run {runId} already exists.", inner)
{
    /// <summary>The run.</summary>
    public string RunId { get; } = runId;
}
