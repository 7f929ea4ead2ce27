using System.ComponentModel.DataAnnotations;

namespace ChatOpsBot.Connectors.Assets;

/// <summary>Settings for the CSV asset inventory (configuration section <c>Assets</c>).</summary>
public sealed class AssetInventoryOptions
{
    public const string SectionName = "Assets";

    /// <summary>Path of the CSV with header <c>host,user,email</c>. Required; no default.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Assets:File must be set to the asset inventory CSV path")]
    public string File { get; set; } = "";
}
