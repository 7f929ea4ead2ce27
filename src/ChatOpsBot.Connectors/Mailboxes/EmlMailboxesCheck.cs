using ChatOpsBot.Core.Health;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Mailboxes;

/// <summary><c>check</c> line for the <c>.eml</c> mailboxes (<c>Mailboxes:Directory</c>): the folder exists, with how many user folders and messages.</summary>
internal sealed class EmlMailboxesCheck(IOptions<MailboxOptions> options) : IConnectorCheck
{
    public string Name => "mail (Mailboxes:Directory)";

    public Task<ConnectorHealth> CheckAsync(CancellationToken cancellationToken)
    {
        var path = options.Value.Directory;
        if (string.IsNullOrWhiteSpace(path)) return Task.FromResult(ConnectorHealth.Fail("not configured"));
        if (!Directory.Exists(path)) return Task.FromResult(ConnectorHealth.Fail($"'{path}' does not exist"));
        try
        {
            var users = Directory.GetDirectories(path);
            var messages = users.Sum(u => Directory.EnumerateFiles(u, "*.eml", SearchOption.AllDirectories).Count());
            return Task.FromResult(users.Length == 0
                ? ConnectorHealth.Fail($"'{path}' has no user folder")
                : ConnectorHealth.Pass($"'{path}': {users.Length} user folders, {messages} messages"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(ConnectorHealth.Fail($"'{path}' cannot be read: {e.Message}"));
        }
    }
}
