namespace ChatOpsBot.Core.Playbook.Pivot;

/// <summary>Triggers of the Pivot section.</summary>
public enum PivotTrigger { NextIpSelected, IndicatorsCollected, RunPivot, SkipPivot, IndicatorsAttached, QueryCompleted, AllIpsPivoted }
