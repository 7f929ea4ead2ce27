namespace ChatOpsBot.Core.Playbook.Containment;

/// <summary>States of the Containment section (one compromised host at a time).</summary>
public enum ContainmentState { Idle, AwaitingHelpdeskCall, AwaitingHelpdeskTicket, RecordingHelpdeskTicket, Completed }
