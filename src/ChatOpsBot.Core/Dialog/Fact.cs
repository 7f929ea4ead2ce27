namespace ChatOpsBot.Core.Dialog;

/// <summary>A labelled value shown with a prompt or notification. <see cref="Value"/> may be an outside string.</summary>
/// <param name="Label">Label written by the bot.</param>
/// <param name="Value">Raw value; channels escape it.</param>
public sealed record Fact(string Label, string Value);
