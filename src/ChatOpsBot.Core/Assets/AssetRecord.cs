namespace ChatOpsBot.Core.Assets;

/// <summary>One asset inventory row.</summary>
/// <param name="Host">Host name or IP.</param>
/// <param name="User">The user's account name (also the mailbox name).</param>
/// <param name="Email">The user's mail address.</param>
public sealed record AssetRecord(string Host, string User, string Email);
