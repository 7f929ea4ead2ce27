namespace ChatOpsBot.Core.Runs;

/// <summary>The mailbox check of one user of a compromised host.</summary>
public sealed class UserMailCase
{
    /// <summary>Account name (mailbox).</summary>
    public string User { get; set; } = "";
    /// <summary>Mail address.</summary>
    public string? Email { get; set; }
    /// <summary>Hosts of this user.</summary>
    public List<string> Hosts { get; set; } = [];
    /// <summary>Mailbox searched.</summary>
    public bool Checked { get; set; }
    /// <summary>Mails in the window.</summary>
    public int MailsInWindow { get; set; }
    /// <summary>Of those, mails with attachments or links (the ones checked with intel).</summary>
    public int MailsWithContent { get; set; }
}
