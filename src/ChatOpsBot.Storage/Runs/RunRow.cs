namespace ChatOpsBot.Storage.Runs;

/// <summary>
/// Table <c>runs</c>: the run document plus the columns that listing and concurrency need. The append-only lists
/// (timeline, closed prompts, hits) live in <c>run_entries</c>, so a save writes what changed, not the whole run.
/// </summary>
public sealed class RunRow
{
    public string Id { get; set; } = "";
    /// <summary>Enum name of <see cref="Core.Runs.RunState"/>.</summary>
    public string State { get; set; } = "";
    /// <summary>The section the run is in, from <see cref="Core.Playbook.Engine.RunSections.Current"/>.</summary>
    public string Section { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Optimistic-concurrency token: every save checks and increments it.</summary>
    public int Version { get; set; }
    /// <summary>
    /// The run as <see cref="Core.Runs.RunJson"/> without the lists kept in <c>run_entries</c>
    /// (<see cref="RunDocument"/>); on a legacy row (null counts) the whole run, lists included.
    /// </summary>
    public string Document { get; set; } = "";
    /// <summary>Timeline entries stored in <c>run_entries</c>; null on a row written before that table existed.</summary>
    public int? TimelineCount { get; set; }
    /// <summary>Closed prompts stored in <c>run_entries</c>; null like <see cref="TimelineCount"/>.</summary>
    public int? ClosedPromptCount { get; set; }
    /// <summary>Hits stored in <c>run_entries</c>; null like <see cref="TimelineCount"/>.</summary>
    public int? HitCount { get; set; }
    /// <summary>
    /// Bumped whenever a save rewrites a list instead of appending to it, so another replica's cache, which assumes
    /// the stored lists only grow, knows its copy is no longer a prefix.
    /// </summary>
    public int EntryGeneration { get; set; }
    /// <summary>
    /// Messages in the run's outbox (not yet delivered, as of this save): the outbox worker looks for runs where it is
    /// above 0 rather than reading every run's document.
    /// </summary>
    public int OutboxCount { get; set; }
    /// <summary>
    /// The run's chat channel (<see cref="Core.Runs.RunSettings.Channel"/>), so a replica's background recovery only
    /// touches runs of channels it serves (never a terminal's run in a shared database).
    /// </summary>
    public string Channel { get; set; } = "";
}
