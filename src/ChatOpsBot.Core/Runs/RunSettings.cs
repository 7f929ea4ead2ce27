namespace ChatOpsBot.Core.Runs;

/// <summary>What a run was started with; kept on the run so a resume sees the same inputs.</summary>
public sealed class RunSettings
{
    /// <summary>Feed location (file path or URL).</summary>
    public string Feed { get; set; } = "";
    /// <summary>Start of the SIEM time window.</summary>
    public DateTimeOffset WindowFrom { get; set; }
    /// <summary>End of the SIEM time window.</summary>
    public DateTimeOffset WindowTo { get; set; }
    /// <summary>Channel that serves the run (<c>terminal</c>, <c>slack</c>, <c>teams</c>).</summary>
    public string Channel { get; set; } = "terminal";
    /// <summary>Channel-specific address (Slack channel id, Teams conversation id).</summary>
    public string? ChannelAddress { get; set; }
    /// <summary>Who started it.</summary>
    public string StartedBy { get; set; } = "";
    /// <summary>
    /// Ask the intel sources afresh instead of taking fresh answers from the verdict cache (<c>hunt --no-cache</c>);
    /// the new answers still refresh the cache.
    /// </summary>
    public bool BypassIntelCache { get; set; }
}
