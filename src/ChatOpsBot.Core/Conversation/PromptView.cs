using ChatOpsBot.Core.Dialog;

namespace ChatOpsBot.Core.Conversation;

/// <summary>
/// A prompt as every channel shows it (Slack blocks, Teams card, terminal), decided once in Core: the title naming its
/// subject, the friendly section, the options offered (the section machine's permitted triggers) with approver-only
/// marks, the suggestion, facts, times as text, and for an answered prompt its outcome. Strings are raw plain text
/// that may embed outside strings; channels escape them as outside text. The prompt id is for buttons, not for reading.
/// </summary>
public sealed record PromptView
{
    /// <summary>The run (safe to show: the bot's own id).</summary>
    public required string RunId { get; init; }
    /// <summary>The prompt id, for button values only.</summary>
    public required string PromptId { get; init; }
    /// <summary>The asking section's friendly name.</summary>
    public required string Section { get; init; }
    /// <summary>Confirm, choice or text.</summary>
    public required PromptKind Kind { get; init; }
    /// <summary>The question; it names its subject (host, IP, user).</summary>
    public required string Title { get; init; }
    /// <summary>Explanation.</summary>
    public string Text { get; init; } = "";
    /// <summary>Evidence.</summary>
    public IReadOnlyList<Fact> Facts { get; init; } = [];
    /// <summary>The answers offered, in order (empty once answered).</summary>
    public IReadOnlyList<PromptOptionView> Options { get; init; } = [];
    /// <summary>The label of the option the evidence points to, or null.</summary>
    public string? Suggestion { get; init; }
    /// <summary>For text prompts: the rule the text must satisfy.</summary>
    public TextInputRule? Input { get; init; }
    /// <summary>When it was asked, as text.</summary>
    public required string AskedAt { get; init; }
    /// <summary>Approvals so far under a two-person rule: "name at time".</summary>
    public IReadOnlyList<string> Approvals { get; init; } = [];
    /// <summary>Why the last text answer was refused, or null.</summary>
    public string? LastError { get; init; }
    /// <summary>For an answered prompt: what, who, when; null while open.</summary>
    public PromptOutcomeView? Outcome { get; init; }
}
