namespace ChatOpsBot.Connectors.Splunk;

/// <summary>What a status poll says about a search job.</summary>
internal sealed record SplunkJob(string DispatchState, long ScanCount, string Messages)
{
    public bool IsDone => DispatchState == "DONE";

    public bool IsFailed => DispatchState == "FAILED";
}
