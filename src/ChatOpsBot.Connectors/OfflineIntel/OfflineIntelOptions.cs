using System.ComponentModel.DataAnnotations;

namespace ChatOpsBot.Connectors.OfflineIntel;

/// <summary>Settings for threat intel read from an OTX pulse export (configuration section <c>Intel</c>).</summary>
public sealed class OfflineIntelOptions
{
    public const string SectionName = "Intel";

    /// <summary>Path of the JSON export (the body of OTX <c>/api/v1/pulses/subscribed</c>, or an array of pulses). Required; no default.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Intel:OfflineFile must be set to the OTX pulse export path")]
    public string OfflineFile { get; set; } = "";
}
