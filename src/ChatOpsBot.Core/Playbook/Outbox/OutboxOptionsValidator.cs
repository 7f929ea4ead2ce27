using Microsoft.Extensions.Options;

namespace ChatOpsBot.Core.Playbook.Outbox;

/// <summary>Checks <see cref="OutboxOptions"/> at start; each failure names its key.</summary>
public sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string s = OutboxOptions.Section;
        var errors = new List<string>();
        if (options.RetryBaseDelay <= TimeSpan.Zero) errors.Add($"{s}:RetryBaseDelay must be positive (was {options.RetryBaseDelay}).");
        if (options.MaxRetryDelay < options.RetryBaseDelay)
            errors.Add($"{s}:MaxRetryDelay must be at least {s}:RetryBaseDelay (was {options.MaxRetryDelay}).");
        if (options.GiveUpAfter < options.MaxRetryDelay)
            errors.Add($"{s}:GiveUpAfter must be at least {s}:MaxRetryDelay (was {options.GiveUpAfter}).");
        if (options.ClaimLease < TimeSpan.FromSeconds(1)) errors.Add($"{s}:ClaimLease must be at least 00:00:01 (was {options.ClaimLease}).");
        if (options.PollInterval <= TimeSpan.Zero) errors.Add($"{s}:PollInterval must be positive (was {options.PollInterval}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
