namespace ChatOpsBot.Core.Dialog;

/// <summary>How a prompt was closed, for channels to update the message: who answered what, when.</summary>
/// <param name="Prompt">The prompt.</param>
/// <param name="OptionLabel">Label of the chosen option.</param>
/// <param name="Text">Entered text, if any.</param>
/// <param name="AnsweredBy">Everyone who answered (several with a two-person rule).</param>
/// <param name="At">When.</param>
/// <param name="Automatic">Answered by <c>--auto</c>.</param>
public sealed record PromptClosure(Prompt Prompt, string OptionLabel, string? Text, IReadOnlyList<Actor> AnsweredBy, DateTimeOffset At, bool Automatic);
