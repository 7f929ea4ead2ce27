using System.Globalization;
using System.Text.Json.Nodes;
using ChatOpsBot.Core.Conversation;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook.Coverage;
using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Teams.Cards;

/// <summary>
/// Prompts as Adaptive Cards 1.5: one <c>Action.Execute</c> per option (falling back to <c>Action.Submit</c> on
/// clients without Universal Actions), an <c>Input.Text</c> with isRequired/regex/errorMessage for text prompts
/// (checked again on the server), and the answered card: who answered what and when, without buttons.
/// </summary>
public static class PromptCards
{
    /// <summary>The open prompt (Core's <see cref="PromptView"/>): question, evidence, suggestion, approver-only marks, buttons.</summary>
    public static JsonObject Open(Prompt prompt)
    {
        var view = PromptViews.Open(prompt);
        var body = Header(view);
        if (view.Text.Length > 0) body.Add(AdaptiveCard.Text(TeamsText.Escape(view.Text)));
        if (view.Facts.Count > 0) body.Add(AdaptiveCard.Facts(view.Facts.Select(f => (f.Label, f.Value))));
        if (view.Kind != PromptKind.Text && view.Suggestion is { } suggested)
            body.Add(AdaptiveCard.Text(TeamsText.Markdown($"Evidence points to: **{suggested}**"), subtle: true));
        foreach (var option in view.Options.Where(o => o.Note is not null))
            body.Add(AdaptiveCard.Text(TeamsText.Markdown($"“{option.Label}”: {option.Note}"), subtle: true, size: "Small"));
        foreach (var approval in view.Approvals)
            body.Add(AdaptiveCard.Text(TeamsText.Markdown($"✓ Approved by {approval}"), color: "Good"));
        if (view.LastError is { } error)
            body.Add(AdaptiveCard.Text($"✗ {TeamsText.Escape(error)}", color: "Attention"));
        if (view.Kind == PromptKind.Text) body.Add(TextInput(view.Input));
        var actions = new JsonArray(view.Options.Select(o => (JsonNode)Button(view, o)).ToArray());
        return AdaptiveCard.Card(body, actions);
    }

    /// <summary>The prompt once answered (Core's <see cref="PromptView"/> with its outcome): the question, the answer, who and when; no buttons.</summary>
    public static JsonObject Answered(PromptClosure closure)
    {
        var view = PromptViews.Answered(closure);
        var outcome = view.Outcome!;
        return Answered(Header(view), view.Facts, outcome.Answer, string.Join(", ", outcome.AnsweredBy.Select(a => a.DisplayName)), outcome.At, outcome.Automatic);
    }

    /// <summary>The prompt once answered: the question, the answer, who and when; no buttons.</summary>
    public static JsonObject Answered(Prompt prompt, string answer, IEnumerable<string> answeredBy, DateTimeOffset at, bool automatic) =>
        Answered(Header(PromptViews.Open(prompt)), prompt.Facts, answer, string.Join(", ", answeredBy), PromptViews.Time(at), automatic);

    /// <summary>The answered card from the run's record of it (for a late or repeated click).</summary>
    public static JsonObject Answered(string runId, ClosedPrompt closed) =>
        Answered(
        [
            AdaptiveCard.Text(TeamsText.Markdown($"run {runId}"), subtle: true, size: "Small"),
            AdaptiveCard.Text(TeamsText.Escape(closed.Title), weight: "Bolder", size: "Medium"),
        ], [], closed.Answer, closed.AnsweredBy, PromptViews.Time(closed.At), automatic: false);

    private static JsonObject Answered(JsonArray body, IReadOnlyList<Fact> facts, string answer, string answeredBy, string at, bool automatic)
    {
        if (facts.Count > 0) body.Add(AdaptiveCard.Facts(facts.Select(f => (f.Label, f.Value))));
        body.Add(AdaptiveCard.Text(
            TeamsText.Markdown($"✔ **{answer}** — answered by {answeredBy}{ChatText.Template(automatic ? " (automatic)" : "")} at {at}"), color: "Good"));
        return AdaptiveCard.Card(body);
    }

    private static JsonArray Header(PromptView view) =>
    [
        AdaptiveCard.Text(TeamsText.Markdown($"{view.Section} · run {view.RunId} · asked {view.AskedAt}"), subtle: true, size: "Small"),
        AdaptiveCard.Text(TeamsText.Escape(view.Title), weight: "Bolder", size: "Medium"),
    ];

    private static JsonObject TextInput(TextInputRule? rule)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.Text",
            ["id"] = CardAction.TextInputId,
            ["label"] = TeamsText.Plain(rule?.Label ?? "Answer"),
            ["isRequired"] = true,
            ["errorMessage"] = TeamsText.Plain(rule?.ErrorMessage ?? "An answer is required.", 500),
            ["maxLength"] = rule?.MaxLength ?? 500,
        };
        if (rule?.Pattern is { } pattern) input["regex"] = pattern;
        if (rule?.Placeholder is { } placeholder) input["placeholder"] = TeamsText.Plain(placeholder);
        return input;
    }

    private static JsonObject Button(PromptView prompt, PromptOptionView option)
    {
        JsonObject Data() => new()
        {
            ["runId"] = prompt.RunId,
            ["promptId"] = prompt.PromptId,
            ["option"] = option.Value,
        };
        var title = TeamsText.Plain(option.Label, 60);
        var style = option.Style switch { OptionStyle.Primary => "positive", OptionStyle.Danger => "destructive", _ => "default" };
        return new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = title,
            ["verb"] = CardAction.Verb,
            ["style"] = style,
            ["data"] = Data(),
            ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["style"] = style, ["data"] = Data() },
        };
    }

    internal static string Time(DateTimeOffset at) => PromptViews.Time(at);
}
