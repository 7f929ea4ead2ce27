namespace ChatOpsBot.Core.Playbook.Validation;

/// <summary>Persisted progress of the Validation section.</summary>
public sealed class ValidationProgress
{
    /// <summary>Machine state (enum name of <see cref="ValidationState"/>).</summary>
    public string State { get; set; } = nameof(ValidationState.Idle);
    /// <summary>The IP being validated.</summary>
    public string? CurrentIp { get; set; }
    /// <summary>
    /// The pending IPs were taken into triage (whatever its outcome), so it is offered once per batch: IPs intel
    /// flags, or all of them after "review each", then go one by one. Cleared when pivot hits bring a new batch.
    /// </summary>
    public bool BatchTriaged { get; set; }
}
