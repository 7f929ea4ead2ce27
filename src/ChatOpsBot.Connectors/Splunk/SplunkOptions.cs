using ChatOpsBot.Connectors.Http;

namespace ChatOpsBot.Connectors.Splunk;

/// <summary>Settings of the Splunk SIEM connector (configuration section <c>Splunk</c>).</summary>
public sealed class SplunkOptions
{
    public const string SectionName = "Splunk";

    /// <summary>Management (REST) endpoint, e.g. <c>https://splunk.example.com:8089/</c>. Required; no default.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Splunk authentication token, sent as <c>Authorization: Bearer</c>. From the environment only (<c>Splunk__Token</c>).</summary>
    public string Token { get; set; } = "";

    /// <summary>Namespace owner of the collection, lookup and saved search. Default <c>nobody</c> (shared).</summary>
    public string Owner { get; set; } = "nobody";

    /// <summary>App that holds them. Default <c>search</c>.</summary>
    public string App { get; set; } = "search";

    /// <summary>How the daily hunt searches. Default <see cref="SplunkMode.SavedSearch"/>.</summary>
    public SplunkMode Mode { get; set; } = SplunkMode.SavedSearch;

    /// <summary>Where the saved-search mode uploads the IPs. Default <see cref="SplunkUpload.KvStore"/>.</summary>
    public SplunkUpload Upload { get; set; } = SplunkUpload.KvStore;

    /// <summary>KV store collection for the IPs. Default <c>chatopsbot_c2_indicators</c>.</summary>
    public string Collection { get; set; } = "chatopsbot_c2_indicators";

    /// <summary>Field of each collection record (and lookup column) that holds the IP or CIDR. Default <c>indicator</c>.</summary>
    public string IndicatorField { get; set; } = "indicator";

    /// <summary>Records per <c>batch_save</c> call (1–1000; Splunk's <c>max_documents_per_batch_save</c> defaults to 1000). Default 1000.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Lookup file the Lookup Editor upload replaces. Default <c>chatopsbot_c2_indicators.csv</c>.</summary>
    public string LookupFile { get; set; } = "chatopsbot_c2_indicators.csv";

    /// <summary>Saved search to dispatch; it reads the collection or lookup. Default <c>ChatOpsBot C2 traffic</c>.</summary>
    public string SavedSearch { get; set; } = "ChatOpsBot C2 traffic";

    /// <summary>
    /// Ad-hoc search for the export mode and for pivots; <c>{ips}</c> becomes the quoted, comma-separated indicators.
    /// The time window is sent as <c>earliest_time</c>/<c>latest_time</c>, not in the text.
    /// </summary>
    public string AdhocSearch { get; set; } =
        "search index=* (src_ip IN ({ips}) OR dest_ip IN ({ips})) | stats count, sum(bytes) AS bytes, min(_time) AS first_seen, max(_time) AS last_seen BY src_ip, dest_ip";

    /// <summary>Wait between job status polls. Default 2 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Time allowed for one whole query: upload, search and reading the results. Default 10 min.</summary>
    public TimeSpan SearchTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Results fetched per page from a finished job (1–50000). Default 10000.</summary>
    public int PageSize { get; set; } = 10_000;

    /// <summary>Result field names.</summary>
    public SplunkFieldOptions Fields { get; set; } = new();

    /// <summary>Timeouts, retries, circuit breaker and the optional private CA (<c>Splunk:Http</c>).</summary>
    public ConnectorHttpOptions Http { get; set; } = new();
}
