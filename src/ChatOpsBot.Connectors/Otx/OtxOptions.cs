using ChatOpsBot.Connectors.Http;

namespace ChatOpsBot.Connectors.Otx;

/// <summary>Settings of the AlienVault OTX DirectConnect connector (configuration section <c>Otx</c>).</summary>
public sealed class OtxOptions
{
    public const string SectionName = "Otx";

    /// <summary>API root. Default <c>https://otx.alienvault.com/</c>.</summary>
    public Uri? BaseUrl { get; set; } = new("https://otx.alienvault.com/");

    /// <summary>OTX key, sent as <c>X-OTX-API-KEY</c>. From the environment only (<c>Otx__ApiKey</c>).</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Indicators asked for per page of a pulse (1–5000). Default 500.</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>Pages followed through <c>next</c> before giving up on a pulse (1–1000). Default 200.</summary>
    public int MaxPages { get; set; } = 200;

    /// <summary>
    /// Requests per second the bot allows itself over any sliding second, over all replicas together (OTX publishes
    /// no hard limit; unpaced lookups peaked at 20 a second). Default 10.
    /// </summary>
    public int RequestsPerSecond { get; set; } = 10;

    /// <summary>Requests this process has in flight to OTX at once (1–64). Default 8.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>Added to the one-second window, counted from each response (0–10 s). Default 00:00:00.100.</summary>
    public TimeSpan QuotaMargin { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Timeouts, retries, circuit breaker and the optional private CA (<c>Otx:Http</c>).</summary>
    public ConnectorHttpOptions Http { get; set; } = new();
}
