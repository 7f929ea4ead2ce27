namespace ChatOpsBot.Core.Mail;

/// <summary>Port: read access to users' mailboxes.</summary>
public interface IMailbox
{
    /// <summary>Mails received by <paramref name="user"/> at or after <paramref name="since"/>, newest first.</summary>
    Task<IReadOnlyList<MailSummary>> ListRecentAsync(string user, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The raw RFC 822 message (.eml bytes).</summary>
    Task<byte[]> ExportRawAsync(string user, string messageId, CancellationToken cancellationToken);
}
