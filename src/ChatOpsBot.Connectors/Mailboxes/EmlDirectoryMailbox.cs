using ChatOpsBot.Connectors.Common.Mime;
using ChatOpsBot.Core.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ChatOpsBot.Connectors.Mailboxes;

/// <summary>
/// Mailboxes as folders of .eml files: <c>{root}/{user}/**/*.eml</c>. The message id is the file's path relative to
/// the user's folder. User names and message ids come from chat, so any that would leave the root are refused.
/// </summary>
public sealed partial class EmlDirectoryMailbox : IMailbox
{
    private static readonly EnumerationOptions EmlFiles = new()
    {
        RecurseSubdirectories = true,
        MatchCasing = MatchCasing.CaseInsensitive,
        IgnoreInaccessible = true,
        // A symbolic link could point outside the root.
        AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.System,
    };

    private readonly string _root;
    private readonly ILogger<EmlDirectoryMailbox> _logger;

    public EmlDirectoryMailbox(IOptions<MailboxOptions> options, ILogger<EmlDirectoryMailbox> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        MailEncodings.Register();
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Value.Directory));
        _logger = logger;
    }

    public async Task<IReadOnlyList<MailSummary>> ListRecentAsync(string user, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_root))
        {
            // Without the root every user would look as if no mail was kept: that must not pass for "no suspicious mail".
            throw new DirectoryNotFoundException($"Mailboxes:Directory '{_root}' does not exist.");
        }

        var userDirectory = UserDirectory(user);
        if (!Directory.Exists(userDirectory))
        {
            // No folder simply means no mail kept for that user (e.g. a service account in the inventory).
            return [];
        }

        var summaries = new List<MailSummary>();
        foreach (var file in Directory.EnumerateFiles(userDirectory, "*.eml", EmlFiles))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var messageId = Path.GetRelativePath(userDirectory, file).Replace('\\', '/');
            try
            {
                var summary = await ReadSummaryAsync(file, messageId, cancellationToken);
                if (summary.Received >= since && summary.Received <= until)
                {
                    summaries.Add(summary);
                }
            }
            catch (Exception ex) when (ex is FormatException or IOException or ParseException)
            {
                LogUnreadableMessage(ex, user, messageId);
            }
        }

        return [.. summaries.OrderByDescending(s => s.Received).ThenBy(s => s.MessageId, StringComparer.Ordinal)];
    }

    public async Task<byte[]> ExportRawAsync(string user, string messageId, CancellationToken cancellationToken)
    {
        var path = MessagePath(UserDirectory(user), user, messageId);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Message '{messageId}' was not found in the mailbox of '{user}'.");
        }

        return await File.ReadAllBytesAsync(path, cancellationToken);
    }

    private static async Task<MailSummary> ReadSummaryAsync(string file, string messageId, CancellationToken cancellationToken)
    {
        var message = await MimeMessage.LoadAsync(file, cancellationToken);

        // A message without a Date header still needs a place in time; the file's age is the best guess.
        var received = message.Date != DateTimeOffset.MinValue
            ? message.Date
            : new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero);
        return await MimeMailSummary.CreateAsync(message, messageId, received, cancellationToken);
    }

    private string UserDirectory(string user)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        if (user is "." or ".." || user.AsSpan().IndexOfAny(['/', '\\', '\0', ':']) >= 0 || Path.IsPathRooted(user))
        {
            throw new ArgumentException($"Mailbox user '{user}' is not a plain folder name; paths outside Mailboxes:Directory are refused.", nameof(user));
        }

        return Path.Combine(_root, user);
    }

    private static string MessagePath(string userDirectory, string user, string messageId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        var path = Path.GetFullPath(Path.Combine(userDirectory, messageId));
        if (messageId.Contains('\0') || Path.IsPathRooted(messageId)
            || !path.StartsWith(userDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || new FileInfo(path).LinkTarget is not null)
        {
            throw new ArgumentException($"Message id '{messageId}' points outside the mailbox of '{user}'; refused.", nameof(messageId));
        }

        return path;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped unreadable message {MessageId} in mailbox {User}")]
    private partial void LogUnreadableMessage(Exception exception, string user, string messageId);
}
