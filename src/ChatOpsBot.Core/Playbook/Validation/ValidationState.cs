namespace ChatOpsBot.Core.Playbook.Validation;

/// <summary>
/// States of the Validation section: a large batch of pending IPs is triaged together first (intel for all of
/// them, then one decision on those intel has nothing against); the rest are validated one remote IP at a time.
/// </summary>
public enum ValidationState { Idle, LookingUpIntelForAll, AwaitingTriage, LookingUpIntel, AwaitingVerdict, RecordingTicket, Completed }
