namespace ChatOpsBot.Core.Playbook.InitialCompromise;

/// <summary>Persisted progress of the Initial-compromise section.</summary>
public sealed class InitialCompromiseProgress
{
    /// <summary>Machine state (enum name of <see cref="InitialCompromiseState"/>).</summary>
    public string State { get; set; } = nameof(InitialCompromiseState.Idle);
    /// <summary>The user whose mailbox is being checked.</summary>
    public string? CurrentUser { get; set; }
    /// <summary>The flagged mail under review.</summary>
    public string? CurrentMail { get; set; }
}
