using System.ComponentModel.DataAnnotations;

namespace ChatOpsBot.Observability;

/// <summary>The Prometheus scraping endpoint of the web service (<c>Observability:Metrics</c>).</summary>
public sealed class MetricsOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Observability:Metrics";

    /// <summary>Whether metrics are collected and exposed. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Path of the Prometheus text endpoint; must start with '/'. Default <c>/metrics</c>.</summary>
    [Required, RegularExpression("^/[A-Za-z0-9/_.-]*$", ErrorMessage = "Observability:Metrics:Path must be a path starting with '/'.")]
    public string Path { get; set; } = "/metrics";

    /// <summary>
    /// When set, the endpoint answers only on this local port (which ASPNETCORE_URLS must also listen on) and is
    /// not found on any other, so an ingress in front of the service port cannot publish it. Default 0: any port.
    /// </summary>
    [Range(0, 65535, ErrorMessage = "Observability:Metrics:Port must be between 0 (any port) and 65535.")]
    public int Port { get; set; }
}
