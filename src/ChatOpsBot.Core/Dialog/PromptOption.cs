namespace ChatOpsBot.Core.Dialog;

/// <summary>One answer a prompt offers.</summary>
/// <param name="Value">The trigger name it fires (stable; used as the button's value).</param>
/// <param name="Label">Button text.</param>
/// <param name="Style">Visual hint.</param>
/// <param name="RequiresApprover">Only configured approvers may choose it.</param>
/// <param name="RequiredApprovals">Distinct approvers needed before it takes effect (two-person rule).</param>
public sealed record PromptOption(string Value, string Label, OptionStyle Style = OptionStyle.Default, bool RequiresApprover = false, int RequiredApprovals = 1);
