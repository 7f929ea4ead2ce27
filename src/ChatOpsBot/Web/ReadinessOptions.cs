using System.ComponentModel.DataAnnotations;

namespace ChatOpsBot.Web;

/// <summary>How <c>/healthz/ready</c> checks the connectors and inputs (section <c>Health</c>).</summary>
public sealed class ReadinessOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Health";

    /// <summary>
    /// How long connector and input results are reused. Probes come every few seconds from every replica; the checks log
    /// in to mail servers and spend API quota. Default 1 minute; between 1 second and 1 hour.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Health:ConnectorCheckInterval must be between 00:00:01 and 01:00:00.")]
    public TimeSpan ConnectorCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a probe waits for a refresh of those results before answering with the previous ones. Default 2 s
    /// (probe timeouts are short); between 0 and 1 minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Health:ConnectorCheckWait must be between 00:00:00 and 00:01:00.")]
    public TimeSpan ConnectorCheckWait { get; set; } = TimeSpan.FromSeconds(2);
}
