using ChatOpsBot.Core.Dialog;

namespace ChatOpsBot.Core.Conversation;

/// <summary>One answer a prompt offers, as every channel shows it.</summary>
/// <param name="Value">The trigger it fires (the button's value).</param>
/// <param name="Label">Button text (raw).</param>
/// <param name="Style">Visual hint.</param>
/// <param name="ApproverOnly">Only configured approvers may choose it.</param>
/// <param name="Note">What restricts it, e.g. "approvers only, 2 distinct approvers"; null when anyone may choose it.</param>
/// <param name="Suggested">The evidence points to it (<c>--auto</c> would choose it).</param>
public sealed record PromptOptionView(string Value, string Label, OptionStyle Style, bool ApproverOnly, string? Note, bool Suggested);
