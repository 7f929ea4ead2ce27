using System.Text;
using ChatOpsBot.Core.Mail;

namespace ChatOpsBot.Core.Tests.Fakes;

/// <summary>Mailboxes with scripted mails; export returns a small RFC 822 text.</summary>
public sealed class FakeMailbox : IMailbox
{
    /// <summary>User → mails.</summary>
    public Dictionary<string, List<MailSummary>> Mails { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Users whose mailbox was listed, in order.</summary>
    public List<string> Listed { get; } = [];

    /// <summary>The (since, until) of each listing, in order.</summary>
    public List<(DateTimeOffset Since, DateTimeOffset Until)> Windows { get; } = [];

    /// <summary>(user, message id) exported, in order.</summary>
    public List<(string User, string MessageId)> Exported { get; } = [];

    /// <remarks>Ignores <paramref name="until"/>, like a mailbox that would not bound its search: the scan's own bound is what tests see.</remarks>
    public Task<IReadOnlyList<MailSummary>> ListRecentAsync(string user, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        Listed.Add(user);
        Windows.Add((since, until));
        IReadOnlyList<MailSummary> mails = Mails.TryGetValue(user, out var list) ? list.Where(m => m.Received >= since).ToList() : [];
        return Task.FromResult(mails);
    }

    public Task<byte[]> ExportRawAsync(string user, string messageId, CancellationToken cancellationToken)
    {
        Exported.Add((user, messageId));
        var mail = Mails[user].Single(m => m.MessageId == messageId);
        return Task.FromResult(Encoding.UTF8.GetBytes($"From: {mail.From}\r\nTo: {user}\r\nSubject: {mail.Subject}\r\n\r\nbody\r\n"));
    }
}
