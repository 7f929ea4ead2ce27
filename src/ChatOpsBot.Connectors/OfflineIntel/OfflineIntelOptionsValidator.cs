using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.OfflineIntel;

/// <summary>Fails start-up when the export is missing, instead of on the first lookup mid-hunt.</summary>
internal sealed class OfflineIntelOptionsValidator : IValidateOptions<OfflineIntelOptions>
{
    public ValidateOptionsResult Validate(string? name, OfflineIntelOptions options) =>
        string.IsNullOrWhiteSpace(options.OfflineFile) || File.Exists(options.OfflineFile)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Intel:OfflineFile '{options.OfflineFile}' does not exist");
}
