using ChatOpsBot.Core.Playbook.Engine;

namespace ChatOpsBot.Core.Tests.Fakes;

/// <summary>The work queue, recording which runs were queued to advance.</summary>
internal sealed class RecordingWorkQueue : IRunWorkQueue
{
    public List<string> Runs { get; } = [];

    public ValueTask EnqueueAdvanceAsync(string runId, CancellationToken cancellationToken)
    {
        Runs.Add(runId);
        return ValueTask.CompletedTask;
    }
}
