using Microsoft.Extensions.Options;

namespace ChatOpsBot.Teams;

/// <summary>Checks <see cref="TeamsOptions"/> at start; each failure names the key. Secret values are never echoed.</summary>
public sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AppId))
            failures.Add("Teams:AppId is required (the Microsoft App id of the Azure Bot registration).");
        if (string.IsNullOrWhiteSpace(options.AppPassword))
            failures.Add("Teams:AppPassword is required (set Teams__AppPassword in the environment, never in appsettings.json).");
        CheckUrl(failures, "Teams:OpenIdMetadataUrl", options.OpenIdMetadataUrl);
        CheckUrl(failures, "Teams:TokenEndpoint", options.EffectiveTokenEndpoint);
        if (options.AllowEmulator) CheckUrl(failures, "Teams:EmulatorOpenIdMetadataUrl", options.EmulatorOpenIdMetadataUrl);
        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl)) CheckUrl(failures, "Teams:PublicBaseUrl", options.PublicBaseUrl);
        if (options.AllowedServiceUrlHosts.Any(h => string.IsNullOrWhiteSpace(h) || h.Contains('/', StringComparison.Ordinal)))
            failures.Add("Teams:AllowedServiceUrlHosts must list host names only (e.g. smba.trafficmanager.net or *.example.com).");
        if (options.MaxTableRows is < 1 or > 50)
            failures.Add($"Teams:MaxTableRows must be between 1 and 50 (was {options.MaxTableRows}).");
        if (options.MaxWritesPerSecond is < 1 or > 7)
            failures.Add($"Teams:MaxWritesPerSecond must be between 1 and 7 (was {options.MaxWritesPerSecond}).");
        if (options.MaxWritesPer30Seconds is < 1 or > 60)
            failures.Add($"Teams:MaxWritesPer30Seconds must be between 1 and 60 (was {options.MaxWritesPer30Seconds}).");
        if (options.MaxAttempts is < 1 or > 10)
            failures.Add($"Teams:MaxAttempts must be between 1 and 10 (was {options.MaxAttempts}).");
        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryBaseDelay > TimeSpan.FromMinutes(1))
            failures.Add($"Teams:RetryBaseDelay must be between 00:00:00 and 00:01:00 (was {options.RetryBaseDelay}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckUrl(List<string> failures, string key, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
            failures.Add($"{key} must be an absolute URL (was '{value}').");
        else if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            failures.Add($"{key} must use https (plain http is accepted for loopback test servers only; was '{value}').");
    }
}
