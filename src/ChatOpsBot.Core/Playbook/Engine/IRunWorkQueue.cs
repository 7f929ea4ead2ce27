namespace ChatOpsBot.Core.Playbook.Engine;

/// <summary>
/// Port: runs work in the background so chat requests are acknowledged at once (Slack wants an answer
/// within 3 s, Teams within 15 s) whatever the SIEM or intel take.
/// </summary>
public interface IRunWorkQueue
{
    /// <summary>Queues "advance this run" (after a start or an accepted answer).</summary>
    ValueTask EnqueueAdvanceAsync(string runId, CancellationToken cancellationToken);
}
