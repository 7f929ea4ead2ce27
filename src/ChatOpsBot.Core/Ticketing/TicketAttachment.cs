namespace ChatOpsBot.Core.Ticketing;

/// <summary>A file to attach to a ticket.</summary>
/// <param name="FileName">File name.</param>
/// <param name="ContentType">MIME type.</param>
/// <param name="Content">Bytes.</param>
public sealed record TicketAttachment(string FileName, string ContentType, byte[] Content);
