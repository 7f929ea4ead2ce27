namespace ChatOpsBot.Core.Runs;

/// <summary>The analyst's decision on a flagged mail.</summary>
public enum MailStatus
{
    /// <summary>Awaiting review.</summary>
    Pending,
    /// <summary>Confirmed phishing: exported to the ticket, handed over.</summary>
    Phishing,
    /// <summary>Dismissed.</summary>
    Dismissed,
}
