namespace ChatOpsBot.Core.Playbook.Validation;

/// <summary>Persisted progress of the Validation section.</summary>
public sealed class ValidationProgress
{
    /// <summary>Machine state (enum name of <see cref="ValidationState"/>).</summary>
    public string State { get; set; } = nameof(ValidationState.Idle);
    /// <summary>The IP being validated.</summary>
    public string? CurrentIp { get; set; }
}
