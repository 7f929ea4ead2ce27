namespace ChatOpsBot.Core.Playbook.Validation;

/// <summary>States of the Validation section (one remote IP at a time).</summary>
public enum ValidationState { Idle, LookingUpIntel, AwaitingVerdict, RecordingTicket, Completed }
