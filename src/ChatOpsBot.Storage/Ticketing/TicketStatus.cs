namespace ChatOpsBot.Storage.Ticketing;

/// <summary>Life cycle of a built-in ticket.</summary>
public enum TicketStatus
{
    /// <summary>Being worked.</summary>
    Open,
    /// <summary>Closed with a summary.</summary>
    Resolved,
}
