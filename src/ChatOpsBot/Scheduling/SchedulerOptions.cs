namespace ChatOpsBot.Scheduling;

/// <summary>Scheduled hunts (configuration section <c>Scheduler</c>).</summary>
public sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>The hunts to start on a schedule. Default none.</summary>
    public List<HuntSchedule> Schedules { get; set; } = [];

    /// <summary>How often replicas look for due occurrences. Default 30 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An occurrence missed by at most this much (all replicas down) still fires when one comes back. Default 15 min.</summary>
    public TimeSpan CatchUp { get; set; } = TimeSpan.FromMinutes(15);
}
