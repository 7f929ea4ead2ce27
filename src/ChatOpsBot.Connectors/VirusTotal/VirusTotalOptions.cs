using ChatOpsBot.Connectors.Http;

namespace ChatOpsBot.Connectors.VirusTotal;

/// <summary>Settings of the VirusTotal API v3 connector (configuration section <c>VirusTotal</c>).</summary>
public sealed class VirusTotalOptions
{
    public const string SectionName = "VirusTotal";

    /// <summary>API root. Default <c>https://www.virustotal.com/api/v3/</c>.</summary>
    public Uri? BaseUrl { get; set; } = new("https://www.virustotal.com/api/v3/");

    /// <summary>VirusTotal key, sent as <c>x-apikey</c>. From the environment only (<c>VirusTotal__ApiKey</c>).</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Engines flagging malicious at or above which the verdict is Malicious. Default 3.</summary>
    public int MaliciousThreshold { get; set; } = 3;

    /// <summary>Engines flagging malicious or suspicious at or above which the verdict is at least Suspicious. Default 1.</summary>
    public int SuspiciousThreshold { get; set; } = 1;

    /// <summary>Requests per minute the key allows; calls queue to stay within it (public keys: 4). Default 4.</summary>
    public int RequestsPerMinute { get; set; } = 4;

    /// <summary>Timeouts, retries, circuit breaker and the optional private CA (<c>VirusTotal:Http</c>).</summary>
    public ConnectorHttpOptions Http { get; set; } = new();
}
