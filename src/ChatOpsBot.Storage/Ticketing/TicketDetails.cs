namespace ChatOpsBot.Storage.Ticketing;

/// <summary>A ticket with everything recorded on it, oldest comment and attachment first.</summary>
public sealed record TicketDetails(
    string Number,
    string Title,
    string Description,
    string Priority,
    TicketStatus Status,
    IReadOnlyList<string> Observables,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ResolvedAt,
    string? ResolutionSummary,
    IReadOnlyList<TicketComment> Comments,
    IReadOnlyList<TicketFile> Attachments);
