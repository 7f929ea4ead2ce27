namespace ChatOpsBot.Storage.WorkQueue;

/// <summary>A work item this replica holds the lease of.</summary>
/// <param name="Id">Item id.</param>
/// <param name="RunId">The run to advance.</param>
/// <param name="Attempts">How many times it was claimed, this time included.</param>
public sealed record LeasedWorkItem(long Id, string RunId, int Attempts);
