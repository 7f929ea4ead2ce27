using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.TheHive;

/// <summary>Fails start-up on a TheHive configuration that cannot work, naming the key (never its secret value).</summary>
internal sealed class TheHiveOptionsValidator : IValidateOptions<TheHiveOptions>
{
    private static readonly string[] Closed = ["TruePositive", "FalsePositive", "Indeterminate", "Other", "Duplicated"];
    private static readonly string[] Impacts = ["WithImpact", "NoImpact", "NotApplicable"];

    public ValidateOptionsResult Validate(string? name, TheHiveOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            failures.Add($"TheHive:BaseUrl must be an absolute http(s) URL, not '{options.BaseUrl}'");
        if (string.IsNullOrWhiteSpace(options.ApiKey))
            failures.Add("TheHive:ApiKey must be set (environment TheHive__ApiKey)");
        if (string.IsNullOrWhiteSpace(options.TaskTitle))
            failures.Add("TheHive:TaskTitle must not be empty");
        if (options.Tlp is < 0 or > 4)
            failures.Add("TheHive:Tlp must be between 0 and 4");
        if (options.Pap is < 0 or > 3)
            failures.Add("TheHive:Pap must be between 0 and 3");
        if (!Closed.Contains(options.ResolvedStatus, StringComparer.Ordinal))
            failures.Add($"TheHive:ResolvedStatus must be one of {string.Join(", ", Closed)}");
        if (!Impacts.Contains(options.ImpactStatus, StringComparer.Ordinal))
            failures.Add($"TheHive:ImpactStatus must be one of {string.Join(", ", Impacts)}");
        if (options.TimeoutSeconds is < 1 or > 300)
            failures.Add("TheHive:TimeoutSeconds must be between 1 and 300");
        if (options.MaxRetries is < 0 or > 10)
            failures.Add("TheHive:MaxRetries must be between 0 and 10");
        if (options.RetryBaseDelayMilliseconds is < 1 or > 60_000)
            failures.Add("TheHive:RetryBaseDelayMilliseconds must be between 1 and 60000");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
