namespace ChatOpsBot.Storage.WorkQueue;

/// <summary>One queued piece of background work ("advance run X"), leased by the replica that works on it.</summary>
public sealed class WorkItemRow
{
    public long Id { get; set; }
    public string RunId { get; set; } = "";
    public DateTimeOffset AvailableAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
