using System.ComponentModel.DataAnnotations;

namespace ChatOpsBot.Connectors.ShiftLogs;

/// <summary>Settings for the Markdown shift log (configuration section <c>ShiftLog</c>).</summary>
public sealed class ShiftLogOptions
{
    public const string SectionName = "ShiftLog";

    /// <summary>Path of the Markdown file; created with a title when missing. Required; no default.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "ShiftLog:File must be set to the shift log Markdown path")]
    public string File { get; set; } = "";

    /// <summary>Title written when the file is created. Default "SOC shift log".</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "ShiftLog:Title must not be empty")]
    public string Title { get; set; } = "SOC shift log";
}
