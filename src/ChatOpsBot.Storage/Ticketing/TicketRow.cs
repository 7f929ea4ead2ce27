namespace ChatOpsBot.Storage.Ticketing;

/// <summary>Table <c>tickets</c> of the built-in ticketing.</summary>
public sealed class TicketRow
{
    public int Id { get; set; }
    /// <summary><c>INC-</c> and the id in six digits; computed by the database from <see cref="Id"/>.</summary>
    public string Number { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string Priority { get; set; } = "";
    public TicketStatus Status { get; set; }
    /// <summary>Stored as a JSON array.</summary>
    public List<string> Observables { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolutionSummary { get; set; }
    /// <summary>Key of the create call; unique.</summary>
    public string IdempotencyKey { get; set; } = "";
    /// <summary>Key of the resolve call; unique when set.</summary>
    public string? ResolutionIdempotencyKey { get; set; }
    public List<TicketCommentRow> Comments { get; set; } = [];
    public List<TicketAttachmentRow> Attachments { get; set; } = [];

    /// <summary>The ticket number for an id.</summary>
    public static string FormatNumber(int id) => $"INC-{id:D6}";
}
