namespace ChatOpsBot.Core.Playbook;

/// <summary>Distinct approvers needed per gated decision (configuration <c>Playbook:Approvals</c>). Default 1 each.</summary>
public sealed class ApprovalOptions
{
    /// <summary>Confirming an IP as tied to malware.</summary>
    public int Validation { get; set; } = 1;
    /// <summary>Confirming the helpdesk call (asset collection, credential rotation, P1).</summary>
    public int Containment { get; set; } = 1;
    /// <summary>Closing the incident.</summary>
    public int Closure { get; set; } = 1;
}
