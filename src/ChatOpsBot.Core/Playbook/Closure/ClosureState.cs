namespace ChatOpsBot.Core.Playbook.Closure;

/// <summary>States of the Closure section.</summary>
public enum ClosureState { Idle, AwaitingCloseApproval, ResolvingIncident, AwaitingUnusualAnswer, AwaitingUnusualDetails, WritingShiftLog, Resolved }
