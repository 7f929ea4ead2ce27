using System.ComponentModel.DataAnnotations;

namespace ChatOpsBot.Connectors.Mailboxes;

/// <summary>Settings for mailboxes stored as .eml files (configuration section <c>Mailboxes</c>).</summary>
public sealed class MailboxOptions
{
    public const string SectionName = "Mailboxes";

    /// <summary>Root directory holding one folder per user (the inventory's <c>user</c>) of .eml files. Required; no default.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Mailboxes:Directory must be set to the mailbox root directory")]
    public string Directory { get; set; } = "";
}
