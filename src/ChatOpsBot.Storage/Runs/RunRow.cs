namespace ChatOpsBot.Storage.Runs;

/// <summary>Table <c>runs</c>: the run document plus the columns that listing and concurrency need.</summary>
public sealed class RunRow
{
    public string Id { get; set; } = "";
    /// <summary>Enum name of <see cref="Core.Runs.RunState"/>.</summary>
    public string State { get; set; } = "";
    /// <summary>The section the run is in, from <see cref="RunSections.Current"/>.</summary>
    public string Section { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Optimistic-concurrency token: every save checks and increments it.</summary>
    public int Version { get; set; }
    /// <summary>The whole run as <see cref="Core.Runs.RunJson"/>.</summary>
    public string Document { get; set; } = "";
}
