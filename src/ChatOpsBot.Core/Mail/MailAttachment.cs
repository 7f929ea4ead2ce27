namespace ChatOpsBot.Core.Mail;

/// <summary>An attachment of a mail.</summary>
/// <param name="FileName">File name as sent.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the decoded content.</param>
/// <param name="Size">Decoded size in bytes.</param>
public sealed record MailAttachment(string FileName, string Sha256, long Size);
