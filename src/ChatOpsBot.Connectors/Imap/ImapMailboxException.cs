namespace ChatOpsBot.Connectors.Imap;

/// <summary>The IMAP server could not be reached, refused the login or does not have the message. Never carries a password.</summary>
public sealed class ImapMailboxException : Exception
{
    public ImapMailboxException(string message)
        : base(message)
    {
    }

    public ImapMailboxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
