using ChatOpsBot.Core.Playbook;

namespace ChatOpsBot.Core.Dialog;

/// <summary>
/// A question to the analysts. Channels render it (buttons, modal, card, terminal menu) and send back a
/// <see cref="PromptAnswer"/>; they never decide the playbook. Every string here is raw, plain text that may embed
/// outside strings (the title names its host or user): each channel renders it as <see cref="TextKind.Outside"/> text.
/// </summary>
public sealed record Prompt
{
    /// <summary>Unique id (<c>{runId}/p{sequence}</c>); an answer naming another id is stale.</summary>
    public required string Id { get; init; }
    /// <summary>The run it belongs to.</summary>
    public required string RunId { get; init; }
    /// <summary>The playbook section that asks.</summary>
    public required PlaybookSection Section { get; init; }
    /// <summary>Confirm, choice or text.</summary>
    public required PromptKind Kind { get; init; }
    /// <summary>One-line question; may embed outside strings (host, user, IP).</summary>
    public required string Title { get; init; }
    /// <summary>Explanatory text written by the bot; may embed outside strings (an error from a service).</summary>
    public string Text { get; init; } = "";
    /// <summary>Evidence shown with the question; values may be outside strings.</summary>
    public IReadOnlyList<Fact> Facts { get; init; } = [];
    /// <summary>The answers offered: the section machine's permitted analyst triggers.</summary>
    public required IReadOnlyList<PromptOption> Options { get; init; }
    /// <summary>For <see cref="PromptKind.Text"/>: the rule the text must satisfy.</summary>
    public TextInputRule? Input { get; init; }
    /// <summary>The option value the evidence points to; <c>--auto</c> answers with it.</summary>
    public string? Suggestion { get; init; }
    /// <summary>For text prompts, the text <c>--auto</c> enters.</summary>
    public string? SuggestedText { get; init; }
    /// <summary>When the prompt was opened.</summary>
    public required DateTimeOffset OpenedAt { get; init; }
    /// <summary>Approvals collected so far for options that need several distinct approvers.</summary>
    public IReadOnlyList<Approval> Approvals { get; init; } = [];
    /// <summary>When a reminder about this prompt was sent (it waited longer than configured), or null.</summary>
    public DateTimeOffset? RemindedAt { get; init; }
    /// <summary>The reason the last text answer was refused, shown when the prompt is asked again.</summary>
    public string? LastError { get; init; }

    /// <summary>The option with value <paramref name="value"/> (case-insensitive), or null.</summary>
    public PromptOption? FindOption(string value) =>
        Options.FirstOrDefault(o => string.Equals(o.Value, value, StringComparison.OrdinalIgnoreCase));
}
