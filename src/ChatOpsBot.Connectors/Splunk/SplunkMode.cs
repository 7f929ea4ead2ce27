namespace ChatOpsBot.Connectors.Splunk;

/// <summary>How the daily hunt searches Splunk (<c>Splunk:Mode</c>). Pivots always use an ad-hoc export search.</summary>
public enum SplunkMode
{
    /// <summary>Upload the IPs, dispatch the configured saved search, poll the job, page through its results.</summary>
    SavedSearch,
    /// <summary>Run <c>Splunk:AdhocSearch</c> through <c>/services/search/jobs/export</c>, streamed.</summary>
    Export,
}
