namespace ChatOpsBot.Core.Playbook.Containment;

/// <summary>Persisted progress of the Containment section.</summary>
public sealed class ContainmentProgress
{
    /// <summary>Machine state (enum name of <see cref="ContainmentState"/>).</summary>
    public string State { get; set; } = nameof(ContainmentState.Idle);
    /// <summary>The host being contained.</summary>
    public string? CurrentHost { get; set; }
}
