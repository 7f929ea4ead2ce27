namespace ChatOpsBot.Core.Mail;

/// <summary>What the Initial-compromise section needs of a mail.</summary>
/// <param name="MessageId">Identifier stable within the mailbox (used to export it).</param>
/// <param name="Subject">Subject (text from outside: channels escape it).</param>
/// <param name="From">Sender address.</param>
/// <param name="Received">When it arrived.</param>
/// <param name="Attachments">Attachments with their SHA-256.</param>
/// <param name="Links">http(s) links found in the body.</param>
public sealed record MailSummary(string MessageId, string Subject, string From, DateTimeOffset Received, IReadOnlyList<MailAttachment> Attachments, IReadOnlyList<string> Links);
