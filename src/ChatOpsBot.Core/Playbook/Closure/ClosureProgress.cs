namespace ChatOpsBot.Core.Playbook.Closure;

/// <summary>Persisted progress of the Closure section.</summary>
public sealed class ClosureProgress
{
    /// <summary>Machine state (enum name of <see cref="ClosureState"/>).</summary>
    public string State { get; set; } = nameof(ClosureState.Idle);
    /// <summary>The analyst's words when flagged for a post-mortem.</summary>
    public string? PostMortem { get; set; }
    /// <summary>Flagged for a post-mortem.</summary>
    public bool FlaggedForPostMortem { get; set; }
}
