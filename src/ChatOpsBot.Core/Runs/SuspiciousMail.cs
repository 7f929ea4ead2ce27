using ChatOpsBot.Core.Intel;

namespace ChatOpsBot.Core.Runs;

/// <summary>A mail whose attachment or link intel flagged.</summary>
public sealed class SuspiciousMail
{
    /// <summary>Mailbox owner.</summary>
    public string User { get; set; } = "";
    /// <summary>Id within the mailbox.</summary>
    public string MessageId { get; set; } = "";
    /// <summary>Subject (outside text).</summary>
    public string Subject { get; set; } = "";
    /// <summary>Sender (outside text).</summary>
    public string From { get; set; } = "";
    /// <summary>Received.</summary>
    public DateTimeOffset Received { get; set; }
    /// <summary>Why intel flagged it (which attachment or link, which verdict).</summary>
    public string Reason { get; set; } = "";
    /// <summary>SHA-256 of the attachments intel flagged (malicious or suspicious).</summary>
    public List<string> FlaggedHashes { get; set; } = [];
    /// <summary>The links intel flagged (malicious or suspicious).</summary>
    public List<string> FlaggedUrls { get; set; } = [];
    /// <summary>The worst intel verdict among its attachments and links.</summary>
    public Verdict Verdict { get; set; }
    /// <summary>Analyst's decision.</summary>
    public MailStatus Status { get; set; }
    /// <summary>Exported as .eml to the ticket.</summary>
    public bool Exported { get; set; }
    /// <summary>Colleague who took the Phishing playbook.</summary>
    public string? HandedTo { get; set; }
}
