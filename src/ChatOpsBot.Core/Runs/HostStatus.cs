namespace ChatOpsBot.Core.Runs;

/// <summary>Containment progress of a compromised host.</summary>
public enum HostStatus
{
    /// <summary>Waiting for the helpdesk call.</summary>
    Pending,
    /// <summary>Helpdesk called; waiting for the helpdesk ticket number.</summary>
    ChecklistConfirmed,
    /// <summary>Helpdesk ticket recorded on our ticket.</summary>
    Contained,
}
