using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Mailboxes;

/// <summary>Fails start-up when the mailbox root is missing, instead of reporting every user's mailbox as empty.</summary>
internal sealed class MailboxOptionsValidator : IValidateOptions<MailboxOptions>
{
    public ValidateOptionsResult Validate(string? name, MailboxOptions options) =>
        string.IsNullOrWhiteSpace(options.Directory) || Directory.Exists(options.Directory)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Mailboxes:Directory '{options.Directory}' does not exist");
}
