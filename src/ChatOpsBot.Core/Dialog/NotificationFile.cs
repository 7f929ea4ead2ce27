namespace ChatOpsBot.Core.Dialog;

/// <summary>A file that goes with a notification.</summary>
/// <param name="FileName">Name.</param>
/// <param name="ContentType">MIME type.</param>
/// <param name="Content">Bytes.</param>
public sealed record NotificationFile(string FileName, string ContentType, byte[] Content);
