namespace ChatOpsBot.Connectors.Splunk;

/// <summary>What a status poll says about a search job (the <c>content</c> of its entry).</summary>
/// <param name="DispatchState">QUEUED, PARSING, RUNNING, FINALIZING, DONE or FAILED.</param>
/// <param name="ScanCount">Events the job read from the index, all inside its time range (0 when not given).</param>
/// <param name="EventCount">Events its base search matched (0 when not given).</param>
/// <param name="EarliestTime">The start of the time range searched, as the job reports it.</param>
/// <param name="LatestTime">The end of the time range searched, as the job reports it.</param>
/// <param name="Messages">The job's messages, joined.</param>
internal sealed record SplunkJob(string DispatchState, long ScanCount, long EventCount, DateTimeOffset? EarliestTime, DateTimeOffset? LatestTime, string Messages)
{
    public bool IsDone => DispatchState == "DONE";

    public bool IsFailed => DispatchState == "FAILED";
}
