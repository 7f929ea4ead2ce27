namespace ChatOpsBot.Scheduling;

/// <summary>One scheduled hunt (an entry of <c>Scheduler:Schedules</c>).</summary>
public sealed class HuntSchedule
{
    /// <summary>Unique name; the claim that makes it fire once across replicas is keyed on it.</summary>
    public string Name { get; set; } = "";
    /// <summary>Cron expression (5 fields, or 6 with seconds), e.g. <c>0 7 * * 1-5</c>.</summary>
    public string Cron { get; set; } = "";
    /// <summary>IANA time zone the expression is read in (default UTC), e.g. <c>Europe/Berlin</c>.</summary>
    public string TimeZone { get; set; } = "UTC";
    /// <summary>Channel that gets the run: <c>slack</c>, <c>teams</c> (or <c>terminal</c> for tests).</summary>
    public string Channel { get; set; } = "slack";
    /// <summary>Channel address (Slack channel id, Teams conversation id); empty = the channel's configured SOC channel.</summary>
    public string? ChannelAddress { get; set; }
    /// <summary>SIEM window ending at the occurrence; empty = <c>Playbook:DefaultWindow</c>.</summary>
    public TimeSpan? Window { get; set; }
    /// <summary>Feed; empty = <c>Playbook:Feed</c>.</summary>
    public string? Feed { get; set; }
}
