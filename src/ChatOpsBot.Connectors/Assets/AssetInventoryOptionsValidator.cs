using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Assets;

/// <summary>Fails start-up when the inventory file is missing, instead of on the first host lookup mid-hunt.</summary>
internal sealed class AssetInventoryOptionsValidator : IValidateOptions<AssetInventoryOptions>
{
    public ValidateOptionsResult Validate(string? name, AssetInventoryOptions options) =>
        string.IsNullOrWhiteSpace(options.File) || System.IO.File.Exists(options.File)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Assets:File '{options.File}' does not exist");
}
