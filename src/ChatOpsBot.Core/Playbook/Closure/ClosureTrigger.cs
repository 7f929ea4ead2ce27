namespace ChatOpsBot.Core.Playbook.Closure;

/// <summary>Triggers of the Closure section.</summary>
public enum ClosureTrigger { Began, ConfirmClose, IncidentResolved, ReportNothingUnusual, FlagUnusual, DescribeUnusual, ShiftLogWritten }
