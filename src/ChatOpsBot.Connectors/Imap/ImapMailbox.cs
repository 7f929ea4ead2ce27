using System.Globalization;
using ChatOpsBot.Connectors.Common.Mime;
using ChatOpsBot.Core.Mail;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ChatOpsBot.Connectors.Imap;

/// <summary>
/// Users' mailboxes over IMAP (MailKit). The folder is opened read-only (EXAMINE) and bodies are fetched with
/// BODY.PEEK, so reading a user's mail never marks it as read. The message id is <c>{UIDVALIDITY}-{UID}</c>:
/// stable while the folder lives, and refused once the server renumbers it.
/// </summary>
internal sealed partial class ImapMailbox : IMailbox
{
    private readonly ImapSessions _sessions;
    private readonly string _folder;
    private readonly ILogger<ImapMailbox> _logger;

    public ImapMailbox(ImapSessions sessions, IOptions<ImapOptions> options, ILogger<ImapMailbox> logger)
    {
        MailEncodings.Register();
        _sessions = sessions;
        _folder = options.Value.Folder;
        _logger = logger;
    }

    public async Task<IReadOnlyList<MailSummary>> ListRecentAsync(string user, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        using var client = await _sessions.OpenAsync(user, cancellationToken).ConfigureAwait(false);
        try
        {
            var folder = await OpenFolderAsync(client, user, cancellationToken).ConfigureAwait(false);
            // IMAP SINCE and BEFORE compare dates only, in the server's time zone: ask a day wider on each side
            // (BEFORE is exclusive) and filter exactly below.
            var uids = await folder.SearchAsync(DeliveredQuery(since, until), cancellationToken).ConfigureAwait(false);
            if (uids.Count == 0)
                return [];

            var items = await folder.FetchAsync(uids, MessageSummaryItems.UniqueId | MessageSummaryItems.InternalDate, cancellationToken).ConfigureAwait(false);
            var summaries = new List<MailSummary>();
            foreach (var item in items)
            {
                if (item.InternalDate is { } delivered && (delivered < since || delivered > until))
                    continue;
                var messageId = FormatId(folder.UidValidity, item.UniqueId);
                try
                {
                    using var message = await folder.GetMessageAsync(item.UniqueId, cancellationToken).ConfigureAwait(false);
                    var received = item.InternalDate ?? message.Date;
                    if (received < since || received > until)
                        continue;
                    summaries.Add(await MimeMailSummary.CreateAsync(message, messageId, received, cancellationToken).ConfigureAwait(false));
                }
                catch (Exception e) when (e is FormatException or ParseException)
                {
                    LogUnreadableMessage(e, user, messageId);
                }
            }

            await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
            return [.. summaries.OrderByDescending(s => s.Received).ThenBy(s => s.MessageId, StringComparer.Ordinal)];
        }
        catch (Exception e) when (ImapSessions.IsTransport(e))
        {
            throw new ImapMailboxException($"Reading the mailbox of '{user}' on {_sessions.Server} failed: {e.Message}", e);
        }
    }

    public async Task<byte[]> ExportRawAsync(string user, string messageId, CancellationToken cancellationToken)
    {
        var (validity, uid) = ParseId(messageId);
        using var client = await _sessions.OpenAsync(user, cancellationToken).ConfigureAwait(false);
        try
        {
            var folder = await OpenFolderAsync(client, user, cancellationToken).ConfigureAwait(false);
            if (folder.UidValidity != validity)
                throw new ImapMailboxException($"Message '{messageId}' is gone from the mailbox of '{user}': the folder was renumbered (UIDVALIDITY {folder.UidValidity}).");

            MimeMessage message;
            try
            {
                message = await folder.GetMessageAsync(uid, cancellationToken).ConfigureAwait(false);
            }
            catch (MessageNotFoundException e)
            {
                throw new ImapMailboxException($"Message '{messageId}' was not found in the mailbox of '{user}'.", e);
            }

            using (message)
            {
                using var raw = new MemoryStream();
                await message.WriteToAsync(FormatOptions.Default, raw, cancellationToken).ConfigureAwait(false);
                await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
                return raw.ToArray();
            }
        }
        catch (Exception e) when (ImapSessions.IsTransport(e))
        {
            throw new ImapMailboxException($"Exporting message '{messageId}' of '{user}' from {_sessions.Server} failed: {e.Message}", e);
        }
    }

    private async Task<IMailFolder> OpenFolderAsync(ImapClient client, string user, CancellationToken cancellationToken)
    {
        IMailFolder folder;
        try
        {
            folder = _folder.Equals("INBOX", StringComparison.OrdinalIgnoreCase)
                ? client.Inbox
                : await client.GetFolderAsync(_folder, cancellationToken).ConfigureAwait(false);
        }
        catch (FolderNotFoundException e)
        {
            throw new ImapMailboxException($"The mailbox of '{user}' has no folder '{_folder}' (Imap:Folder).", e);
        }

        // Read-only: EXAMINE, so nothing the bot does changes flags in the user's mailbox.
        await folder.OpenAsync(FolderAccess.ReadOnly, cancellationToken).ConfigureAwait(false);
        return folder;
    }

    /// <summary>SINCE a day before <paramref name="since"/> and BEFORE two days after <paramref name="until"/>'s date (open ends left out).</summary>
    internal static SearchQuery DeliveredQuery(DateTimeOffset since, DateTimeOffset until)
    {
        SearchQuery query = SearchQuery.All;
        if (since.UtcDateTime.Date > DateTime.MinValue.AddDays(1))
            query = SearchQuery.DeliveredAfter(since.UtcDateTime.Date.AddDays(-1));
        if (until.UtcDateTime.Date < DateTime.MaxValue.Date.AddDays(-2))
            query = query.And(SearchQuery.DeliveredBefore(until.UtcDateTime.Date.AddDays(2)));
        return query;
    }

    internal static string FormatId(uint uidValidity, UniqueId uid) =>
        string.Create(CultureInfo.InvariantCulture, $"{uidValidity}-{uid.Id}");

    internal static (uint Validity, UniqueId Uid) ParseId(string messageId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        var dash = messageId.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0
            && uint.TryParse(messageId.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var validity)
            && uint.TryParse(messageId.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var uid)
            && uid != 0)
        {
            return (validity, new UniqueId(validity, uid));
        }

        throw new ArgumentException($"Message id '{messageId}' is not an IMAP id (UIDVALIDITY-UID).", nameof(messageId));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped unreadable IMAP message {MessageId} in mailbox {User}")]
    private partial void LogUnreadableMessage(Exception exception, string user, string messageId);
}
