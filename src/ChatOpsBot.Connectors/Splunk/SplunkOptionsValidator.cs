using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Splunk;

/// <summary>Fails start-up on a Splunk section the connector cannot work with, naming each bad key.</summary>
internal sealed class SplunkOptionsValidator : IValidateOptions<SplunkOptions>
{
    private const string P = SplunkOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, SplunkOptions options)
    {
        var errors = new List<string>();
        if (options.BaseUrl is not { IsAbsoluteUri: true } url || url.Scheme is not ("https" or "http"))
            errors.Add($"{P}:BaseUrl must be an absolute http(s) URL of the management port, e.g. https://splunk.example.com:8089/");
        if (string.IsNullOrWhiteSpace(options.Token))
            errors.Add($"{P}:Token must be set (from the environment: Splunk__Token)");
        Require(errors, options.Owner, "Owner");
        Require(errors, options.App, "App");
        Require(errors, options.Collection, "Collection");
        Require(errors, options.IndicatorField, "IndicatorField");
        Require(errors, options.LookupFile, "LookupFile");
        Require(errors, options.SavedSearch, "SavedSearch");
        if (!options.AdhocSearch.Contains("{ips}", StringComparison.Ordinal))
            errors.Add($"{P}:AdhocSearch must contain the placeholder {{ips}}");
        if (options.BatchSize is < 1 or > 1000)
            errors.Add($"{P}:BatchSize must be between 1 and 1000");
        if (options.PageSize is < 1 or > 50_000)
            errors.Add($"{P}:PageSize must be between 1 and 50000");
        if (options.PollInterval < TimeSpan.FromMilliseconds(1) || options.PollInterval > TimeSpan.FromMinutes(5))
            errors.Add($"{P}:PollInterval must be between 00:00:00.001 and 00:05:00");
        if (options.SearchTimeout < TimeSpan.FromMilliseconds(10) || options.SearchTimeout > TimeSpan.FromHours(6))
            errors.Add($"{P}:SearchTimeout must be between 00:00:00.010 and 06:00:00");
        var f = options.Fields;
        foreach (var (key, value) in new[] { ("Host", f.Host), ("RemoteIp", f.RemoteIp), ("Count", f.Count), ("Bytes", f.Bytes), ("FirstSeen", f.FirstSeen), ("LastSeen", f.LastSeen) })
            Require(errors, value, $"Fields:{key}");
        errors.AddRange(options.Http.Validate($"{P}:Http"));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Require(List<string> errors, string value, string key)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add($"{P}:{key} must not be empty");
    }
}
