namespace ChatOpsBot.Core.Dialog;

/// <summary>An answer from a channel.</summary>
/// <param name="RunId">Run the prompt belongs to.</param>
/// <param name="PromptId">The prompt answered; if it is no longer open the answer is stale.</param>
/// <param name="Option">The chosen option value.</param>
/// <param name="Text">Entered text, for text prompts.</param>
/// <param name="Actor">Who answered.</param>
/// <param name="Automatic">True when given by <c>--auto</c> or a configured default.</param>
public sealed record PromptAnswer(string RunId, string PromptId, string Option, string? Text, Actor Actor, bool Automatic = false);
