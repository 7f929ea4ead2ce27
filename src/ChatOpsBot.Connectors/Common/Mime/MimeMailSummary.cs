using ChatOpsBot.Core.Mail;
using MimeKit;

namespace ChatOpsBot.Connectors.Common.Mime;

/// <summary>
/// Turns a parsed MIME message into a <see cref="MailSummary"/>: sender, links of the bodies and SHA-256 of every
/// attachment. Shared by every mailbox that can get at the MIME (the .eml folders, IMAP) so all judge mail alike.
/// </summary>
internal static class MimeMailSummary
{
    public static async Task<MailSummary> CreateAsync(MimeMessage message, string messageId, DateTimeOffset received, CancellationToken cancellationToken)
    {
        var from = message.From.Mailboxes.FirstOrDefault()?.Address ?? message.From.ToString();
        return new MailSummary(
            messageId,
            message.Subject ?? "",
            from,
            received,
            await AttachmentsAsync(message, cancellationToken).ConfigureAwait(false),
            Links(message));
    }

    /// <summary>The links of every body part (both alternatives, related parts), each part decoded by its own charset.</summary>
    private static IReadOnlyList<string> Links(MimeMessage message)
    {
        var text = new List<string>();
        var html = new List<string>();
        foreach (var part in message.BodyParts.OfType<TextPart>())
        {
            if (part.IsAttachment || part.FileName is not null)
            {
                continue; // counted as an attachment and hashed instead
            }

            (part.IsHtml ? html : text).Add(MailEncodings.Text(part));
        }

        return LinkExtractor.Extract(text.Count == 0 ? null : string.Join("\n", text), html.Count == 0 ? null : string.Join("\n", html));
    }

    public static async Task<IReadOnlyList<MailAttachment>> AttachmentsAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var attachments = new List<MailAttachment>();
        foreach (var entity in message.BodyParts)
        {
            using var sink = new Sha256Sink();
            string name;
            switch (entity)
            {
                // Inline parts with a file name count too: payloads are sent "inline" to slip past attachment filters.
                case MimePart { Content: not null } part when part.IsAttachment || part.FileName is not null:
                    await part.Content.DecodeToAsync(sink, cancellationToken).ConfigureAwait(false);
                    name = part.FileName ?? "(unnamed)";
                    break;
                case MessagePart { Message: not null } forwarded when forwarded.IsAttachment:
                    await forwarded.Message.WriteToAsync(sink, cancellationToken).ConfigureAwait(false);
                    name = forwarded.ContentDisposition?.FileName ?? "attached-message.eml";
                    break;
                default:
                    continue;
            }

            attachments.Add(new MailAttachment(name, sink.HexDigest(), sink.Size));
        }

        return attachments;
    }
}
