using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.IntelCache;

/// <summary>Fails start-up on freshness the cache cannot work with, naming each bad key.</summary>
internal sealed class IntelCacheOptionsValidator : IValidateOptions<IntelCacheOptions>
{
    private const string P = IntelCacheOptions.SectionName;
    private static readonly TimeSpan Longest = TimeSpan.FromDays(365);

    public ValidateOptionsResult Validate(string? name, IntelCacheOptions options)
    {
        var errors = new List<string>();
        Check(errors, nameof(options.Malicious), options.Malicious);
        Check(errors, nameof(options.Suspicious), options.Suspicious);
        Check(errors, nameof(options.Harmless), options.Harmless);
        Check(errors, nameof(options.Unknown), options.Unknown);
        Check(errors, nameof(options.PulseIndicators), options.PulseIndicators);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(List<string> errors, string key, TimeSpan value)
    {
        if (value < TimeSpan.Zero || value > Longest)
            errors.Add($"{P}:{key} must be between 00:00:00 (not cached) and 365.00:00:00");
    }
}
