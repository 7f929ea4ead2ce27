namespace ChatOpsBot.Core.Dialog;

/// <summary>The engine's reply to an answer: outcome and a polite sentence for the person who answered.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Message">Text for the answering person.</param>
/// <param name="Prompt">The prompt as it now stands (with approvals or the error), when it is still open.</param>
public sealed record AnswerResult(AnswerOutcome Outcome, string Message, Prompt? Prompt = null);
