using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.VirusTotal;

/// <summary>Fails start-up on a VirusTotal section the connector cannot work with, naming each bad key.</summary>
internal sealed class VirusTotalOptionsValidator : IValidateOptions<VirusTotalOptions>
{
    private const string P = VirusTotalOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, VirusTotalOptions options)
    {
        var errors = new List<string>();
        if (options.BaseUrl is not { IsAbsoluteUri: true } url || url.Scheme is not ("https" or "http"))
            errors.Add($"{P}:BaseUrl must be an absolute http(s) URL, e.g. https://www.virustotal.com/api/v3/");
        if (string.IsNullOrWhiteSpace(options.ApiKey))
            errors.Add($"{P}:ApiKey must be set (from the environment: VirusTotal__ApiKey)");
        if (options.MaliciousThreshold < 1)
            errors.Add($"{P}:MaliciousThreshold must be at least 1");
        if (options.SuspiciousThreshold < 1 || options.SuspiciousThreshold > options.MaliciousThreshold)
            errors.Add($"{P}:SuspiciousThreshold must be between 1 and {P}:MaliciousThreshold");
        if (options.RequestsPerMinute is < 1 or > 10_000)
            errors.Add($"{P}:RequestsPerMinute must be between 1 and 10000");
        if (options.RequestsPerDay is < 0 or > 100_000_000)
            errors.Add($"{P}:RequestsPerDay must be between 0 (no daily quota) and 100000000");
        if (options.QuotaMargin < TimeSpan.Zero || options.QuotaMargin > TimeSpan.FromMinutes(1))
            errors.Add($"{P}:QuotaMargin must be between 00:00:00 and 00:01:00");
        if (options.MaxConcurrency is < 1 or > 64)
            errors.Add($"{P}:MaxConcurrency must be between 1 and 64");
        errors.AddRange(options.Http.Validate($"{P}:Http"));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
