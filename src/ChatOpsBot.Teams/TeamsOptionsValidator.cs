using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Teams;

/// <summary>
/// Checks <see cref="TeamsOptions"/> at start; each failure names the key. Secret values are never echoed.
/// <paramref name="environment"/> decides whether <c>Teams:LocalPlayground</c> may be on; without one (no host) it may not.
/// </summary>
public sealed class TeamsOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AppId))
            failures.Add("Teams:AppId is required (the Microsoft App id of the Azure Bot registration).");
        if (options.LocalPlayground)
            CheckLocalPlayground(failures, options);
        else if (string.IsNullOrWhiteSpace(options.AppPassword))
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

    private void CheckLocalPlayground(List<string> failures, TeamsOptions options)
    {
        // Unauthenticated activities are a development convenience: never beside a real app secret, never in production.
        if (!string.IsNullOrWhiteSpace(options.AppPassword))
            failures.Add("Teams:LocalPlayground cannot be used with Teams:AppPassword (the Playground needs no secret; unset one of them).");
        if (environment is null || !environment.IsDevelopment())
            failures.Add($"Teams:LocalPlayground is allowed only in the Development environment (was {environment?.EnvironmentName ?? "none"}; set ASPNETCORE_ENVIRONMENT=Development for local work).");
    }

    private static void CheckUrl(List<string> failures, string key, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
            failures.Add($"{key} must be an absolute URL (was '{value}').");
        else if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            failures.Add($"{key} must use https (plain http is accepted for loopback test servers only; was '{value}').");
    }
}
