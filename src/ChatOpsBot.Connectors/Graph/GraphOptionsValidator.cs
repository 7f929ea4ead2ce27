using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Graph;

/// <summary>Fails start-up on a Graph configuration that cannot work, naming the key (never a secret's value).</summary>
internal sealed class GraphOptionsValidator : IValidateOptions<GraphOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.TenantId))
            failures.Add("Graph:TenantId must be set");
        if (string.IsNullOrWhiteSpace(options.ClientId))
            failures.Add("Graph:ClientId must be set");
        if (string.IsNullOrWhiteSpace(options.ClientSecret))
            failures.Add("Graph:ClientSecret must be set (environment Graph__ClientSecret)");
        if (!IsHttpUrl(options.BaseUrl))
            failures.Add($"Graph:BaseUrl must be an absolute http(s) URL, not '{options.BaseUrl}'");
        if (!IsHttpUrl(options.TokenEndpoint.Replace("{tenant}", "t", StringComparison.Ordinal)))
            failures.Add($"Graph:TokenEndpoint must be an absolute http(s) URL, not '{options.TokenEndpoint}'");
        if (!options.UserFormat.Contains("{0}", StringComparison.Ordinal))
            failures.Add("Graph:UserFormat must contain {0} (the inventory user)");
        if (options.PageSize is < 1 or > 1000)
            failures.Add("Graph:PageSize must be between 1 and 1000");
        if (options.TimeoutSeconds is < 1 or > 300)
            failures.Add("Graph:TimeoutSeconds must be between 1 and 300");
        if (options.MaxRetries is < 0 or > 10)
            failures.Add("Graph:MaxRetries must be between 0 and 10");
        if (options.RetryBaseDelayMilliseconds is < 1 or > 60_000)
            failures.Add("Graph:RetryBaseDelayMilliseconds must be between 1 and 60000");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
