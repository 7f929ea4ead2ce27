using ChatOpsBot.Core.Dialog;

namespace ChatOpsBot.Core.Playbook.Engine;

/// <summary>An accepted answer as a section sees it.</summary>
/// <param name="Prompt">The prompt answered (already closed on the run).</param>
/// <param name="Option">The chosen option; its value is the trigger name.</param>
/// <param name="Text">Trimmed text, for text prompts.</param>
/// <param name="AnsweredBy">Everyone whose answer counted (several under a two-person rule).</param>
public sealed record SectionAnswer(Prompt Prompt, PromptOption Option, string? Text, IReadOnlyList<Actor> AnsweredBy)
{
    /// <summary>Display names of the answerers, comma-separated.</summary>
    public string Names => string.Join(", ", AnsweredBy.Select(a => a.DisplayName));

    /// <summary>The chosen trigger as <typeparamref name="TTrigger"/>.</summary>
    public TTrigger Trigger<TTrigger>() where TTrigger : struct, Enum => Enum.Parse<TTrigger>(Option.Value);
}
