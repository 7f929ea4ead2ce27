using System.Text.Json.Nodes;
using ChatOpsBot.Core.Dialog;

namespace ChatOpsBot.Teams.Activities;

/// <summary>What became of a card click: the engine's outcome, the sentence for the person, and the card to show now (if any).</summary>
public sealed record CardActionResult(AnswerOutcome? Outcome, string Message, JsonObject? Card, bool BadInput);
