namespace ChatOpsBot.Storage.Inbox;

/// <summary>
/// Table <c>inbox</c>: one inbound answer or command, stored before the platform was acknowledged and kept after it was
/// applied (with its result) so a platform retry of the same delivery is recognised.
/// </summary>
public sealed class InboxRow
{
    public long Id { get; set; }
    /// <summary>Idempotency key from the platform's id (unique).</summary>
    public string Key { get; set; } = "";
    public string Channel { get; set; } = "";
    /// <summary>Enum name of <see cref="Core.Playbook.Inbox.InboxKind"/>.</summary>
    public string Kind { get; set; } = "";
    public string RunId { get; set; } = "";
    /// <summary>The answer and where to reply, as JSON (<see cref="InboxPayload"/>).</summary>
    public string Payload { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset AvailableAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public int Attempts { get; set; }
    /// <summary>Set once applied; the row is kept for the retention period.</summary>
    public DateTimeOffset? ProcessedAt { get; set; }
    /// <summary>Enum name of the answer's outcome, once applied.</summary>
    public string? Outcome { get; set; }
    /// <summary>The sentence for the person who answered, once applied.</summary>
    public string? Reply { get; set; }
}
