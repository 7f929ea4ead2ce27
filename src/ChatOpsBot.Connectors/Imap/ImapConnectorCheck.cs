using ChatOpsBot.Core.Health;
using MailKit;

namespace ChatOpsBot.Connectors.Imap;

/// <summary>Logs in to one mailbox (<c>Imap:CheckUser</c>) and examines the folder: reachable, TLS accepted, credentials valid.</summary>
internal sealed class ImapConnectorCheck(ImapSessions sessions, Microsoft.Extensions.Options.IOptions<ImapOptions> options) : IConnectorCheck
{
    public string Name => "mail (IMAP)";

    public async Task<ConnectorHealth> CheckAsync(CancellationToken cancellationToken)
    {
        var user = sessions.DefaultCheckUser;
        if (string.IsNullOrEmpty(user))
            return ConnectorHealth.Fail($"{sessions.Server}: set Imap:CheckUser to the mailbox the check may open");
        try
        {
            using var client = await sessions.OpenAsync(user, cancellationToken).ConfigureAwait(false);
            var folder = options.Value.Folder.Equals("INBOX", StringComparison.OrdinalIgnoreCase)
                ? client.Inbox
                : await client.GetFolderAsync(options.Value.Folder, cancellationToken).ConfigureAwait(false);
            await folder.OpenAsync(FolderAccess.ReadOnly, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
            return ConnectorHealth.Pass($"{sessions.Server}: logged in as '{user}', {options.Value.Folder} has {folder.Count} messages");
        }
        catch (ImapMailboxException e)
        {
            return ConnectorHealth.Fail(e.Message);
        }
        catch (Exception e) when (ImapSessions.IsTransport(e) || e is FolderNotFoundException)
        {
            return ConnectorHealth.Fail($"{sessions.Server}: {e.Message}");
        }
    }
}
