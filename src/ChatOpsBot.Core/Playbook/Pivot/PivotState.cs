namespace ChatOpsBot.Core.Playbook.Pivot;

/// <summary>States of the Pivot section (one confirmed hunt C2 IP at a time).</summary>
public enum PivotState { Idle, CollectingIndicators, AwaitingGo, AttachingIndicators, QueryingSiem, Completed }
