namespace ChatOpsBot.Storage.Ticketing;

/// <summary>Table <c>ticket_comments</c>.</summary>
public sealed class TicketCommentRow
{
    public int Id { get; set; }
    public int TicketId { get; set; }
    public string Text { get; set; } = "";
    public DateTimeOffset At { get; set; }
    /// <summary>Unique.</summary>
    public string IdempotencyKey { get; set; } = "";
}
