namespace ChatOpsBot.Core.Runs;

/// <summary>
/// Port: a claim a process holds on a run while it answers the run's prompts itself (a terminal session), so a second
/// process cannot answer the same run at the same time. Shared by every process through the database. A lease that
/// is not renewed within its expiry lapses, so a killed process does not keep its run forever.
/// </summary>
public interface IRunLeases
{
    /// <summary>
    /// Takes <paramref name="runId"/> for <paramref name="holder"/>, after dropping a lease not renewed within
    /// <paramref name="expiry"/>. The result says who holds the run now: <paramref name="holder"/> when taken.
    /// </summary>
    Task<RunLease> TryAcquireAsync(string runId, string holder, TimeSpan expiry, CancellationToken cancellationToken);

    /// <summary>
    /// Takes <paramref name="runId"/> from <paramref name="lapsedHolder"/>, known to be gone (its process no longer runs),
    /// without waiting for the lease to expire; only if that holder still has it.
    /// </summary>
    Task<bool> TakeOverAsync(string runId, string holder, string lapsedHolder, CancellationToken cancellationToken);

    /// <summary>Marks the lease as alive; false when <paramref name="holder"/> no longer holds it.</summary>
    Task<bool> RenewAsync(string runId, string holder, CancellationToken cancellationToken);

    /// <summary>Gives the run up, if <paramref name="holder"/> holds it.</summary>
    Task ReleaseAsync(string runId, string holder, CancellationToken cancellationToken);
}
