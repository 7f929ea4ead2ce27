namespace ChatOpsBot.Storage.Ticketing;

/// <summary>Table <c>ticket_attachments</c>.</summary>
public sealed class TicketAttachmentRow
{
    public int Id { get; set; }
    public int TicketId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public long Size { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>Unique.</summary>
    public string IdempotencyKey { get; set; } = "";
}
