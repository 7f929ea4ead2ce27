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

    /// <summary>
    /// Requests per minute the key allows, over any sliding minute and all replicas together; lookups queue to stay
    /// within it (public keys: 4). Default 4.
    /// </summary>
    public int RequestsPerMinute { get; set; } = 4;

    /// <summary>Requests per UTC day the key allows (public keys: 500); 0 for none. Once used up, lookups fail at once until midnight UTC. Default 500.</summary>
    public int RequestsPerDay { get; set; } = 500;

    /// <summary>
    /// Added to the minute window, counted from each response (VirusTotal has counted the request by then); it absorbs
    /// clock and timestamp differences at the boundary (0–60 s). Default 00:00:02.
    /// </summary>
    public TimeSpan QuotaMargin { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Requests this process has in flight to VirusTotal at once (1–64). Default 4.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Timeouts, retries, circuit breaker and the optional private CA (<c>VirusTotal:Http</c>).</summary>
    public ConnectorHttpOptions Http { get; set; } = new();
}
