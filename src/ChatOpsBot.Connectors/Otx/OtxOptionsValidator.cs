using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Otx;

/// <summary>Fails start-up on an Otx section the connector cannot work with, naming each bad key.</summary>
internal sealed class OtxOptionsValidator : IValidateOptions<OtxOptions>
{
    private const string P = OtxOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, OtxOptions options)
    {
        var errors = new List<string>();
        if (options.BaseUrl is not { IsAbsoluteUri: true } url || url.Scheme is not ("https" or "http"))
            errors.Add($"{P}:BaseUrl must be an absolute http(s) URL, e.g. https://otx.alienvault.com/");
        if (string.IsNullOrWhiteSpace(options.ApiKey))
            errors.Add($"{P}:ApiKey must be set (from the environment: Otx__ApiKey)");
        if (options.PageSize is < 1 or > 5000)
            errors.Add($"{P}:PageSize must be between 1 and 5000");
        if (options.MaxPages is < 1 or > 1000)
            errors.Add($"{P}:MaxPages must be between 1 and 1000");
        if (options.RequestsPerSecond is < 1 or > 1000)
            errors.Add($"{P}:RequestsPerSecond must be between 1 and 1000");
        if (options.MaxConcurrency is < 1 or > 64)
            errors.Add($"{P}:MaxConcurrency must be between 1 and 64");
        if (options.QuotaMargin < TimeSpan.Zero || options.QuotaMargin > TimeSpan.FromSeconds(10))
            errors.Add($"{P}:QuotaMargin must be between 00:00:00 and 00:00:10");
        errors.AddRange(options.Http.Validate($"{P}:Http"));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
