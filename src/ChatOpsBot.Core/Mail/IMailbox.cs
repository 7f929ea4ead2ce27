namespace ChatOpsBot.Core.Mail;

/// <summary>Port: read access to users' mailboxes.</summary>
public interface IMailbox
{
    /// <summary>
    /// Mails received by <paramref name="user"/> from <paramref name="since"/> to <paramref name="until"/>, both
    /// inclusive, newest first. Both bounds belong in the server-side query: a replay of last week must not read today's mail.
    /// </summary>
    Task<IReadOnlyList<MailSummary>> ListRecentAsync(string user, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>The raw RFC 822 message (.eml bytes).</summary>
    Task<byte[]> ExportRawAsync(string user, string messageId, CancellationToken cancellationToken);
}
