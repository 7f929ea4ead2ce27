namespace ChatOpsBot.Core.Playbook.Containment;

/// <summary>Triggers of the Containment section.</summary>
public enum ContainmentTrigger { NextHostSelected, ConfirmHelpdeskCall, SubmitHelpdeskTicket, HelpdeskTicketRecorded, AllHostsContained, PivotHostsArrived }
