using System.Globalization;
using System.Text.Json.Nodes;
using ChatOpsBot.Core.Conversation;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook.Coverage;
using ChatOpsBot.Slack.Escaping;

namespace ChatOpsBot.Slack.BlockKit;

/// <summary>
/// Renders Core's <see cref="PromptView"/>: an open prompt with buttons, approver-only marks and the suggestion; an
/// answered one with who answered what and when (no buttons).
/// </summary>
public static class PromptBlocks
{
    /// <summary>The open prompt: question, evidence, approvals so far, last error, and a button per option (text prompts: a button that opens a modal).</summary>
    public static JsonArray Open(Prompt prompt)
    {
        var view = PromptViews.Open(prompt);
        var blocks = Question(view);
        if (view.LastError is not null) blocks.Add(Blocks.Section($":x: {SlackText.Escape(view.LastError)}"));
        if (prompt.Approvals.Count > 0)
            blocks.Add(Blocks.Context("Approved so far by " + string.Join(", ", prompt.Approvals.Select(a => Who(a.Actor)))));
        var buttons = view.Options.Select((option, i) =>
        {
            var value = new ActionValue(view.RunId, view.PromptId, option.Value).ToString();
            var prefix = view.Kind == PromptKind.Text ? ActionValue.OpenModalActionPrefix : ActionValue.AnswerActionPrefix;
            var label = view.Kind == PromptKind.Text ? $"{option.Label}…" : option.Label;
            return Blocks.Button(prefix + i.ToString(CultureInfo.InvariantCulture), label, value, option.Style);
        });
        blocks.Add(Blocks.Actions(BlockId(prompt), buttons));
        var notes = view.Options.Where(o => o.Note is not null).Select(o => SlackText.Mrkdwn($"“{o.Label}”: {o.Note}"));
        if (view.Kind != PromptKind.Text && view.Suggestion is not null) notes = notes.Append(SlackText.Mrkdwn($"evidence points to “{view.Suggestion}”"));
        // The prompt id stays in the block id and button values (and the run's timeline), not in what analysts read.
        var context = string.Join(" · ", notes.Prepend(SlackText.Mrkdwn($"{view.Section} · asked {view.AskedAt}")));
        blocks.Add(Blocks.Context(context));
        return blocks;
    }

    /// <summary>The answered prompt: same question, then who answered what and when; the buttons are gone.</summary>
    public static JsonArray Closed(PromptClosure closure)
    {
        var view = PromptViews.Answered(closure);
        var outcome = view.Outcome!;
        var blocks = Question(view);
        var answer = SlackText.Escape(closure.OptionLabel) + (closure.Text is null ? "" : $": {SlackText.Code(closure.Text)}");
        var who = string.Join(", ", outcome.AnsweredBy.Select(Who));
        var auto = outcome.Automatic ? " (automatic)" : "";
        blocks.Add(Blocks.Section($":white_check_mark: *{answer}* — {who}{auto} at {SlackText.Escape(outcome.At)}"));
        blocks.Add(Blocks.Context(SlackText.Mrkdwn($"{view.Section} · answered")));
        return blocks;
    }

    /// <summary>Fallback text (notifications and screen readers).</summary>
    public static string Fallback(Prompt prompt) => SlackText.Truncate(SlackText.Escape(prompt.Title), BlockLimits.MaxFallbackText);

    /// <summary>The modal for a text prompt; <c>private_metadata</c> carries the action value.</summary>
    public static JsonObject Modal(Prompt prompt, PromptOption option)
    {
        var rule = prompt.Input;
        var blocks = new JsonArray(Blocks.Section($"*{SlackText.Escape(prompt.Title)}*"));
        if (prompt.Text.Length > 0) blocks.Add(Blocks.Section(SlackText.Escape(prompt.Text)));
        blocks.Add(Blocks.Input(ActionValue.ModalInputBlock, rule?.Label ?? "Answer",
            Blocks.PlainTextInput(ActionValue.ModalInputAction, rule?.Placeholder, rule?.MaxLength ?? 500)));
        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = ActionValue.ModalCallbackId,
            ["private_metadata"] = new ActionValue(prompt.RunId, prompt.Id, option.Value).ToString(),
            ["title"] = Blocks.PlainText(SectionNames.Friendly(prompt.Section), BlockLimits.MaxModalTitle),
            ["submit"] = Blocks.PlainText("Submit", 24),
            ["close"] = Blocks.PlainText("Cancel", 24),
            ["blocks"] = blocks,
        };
    }

    /// <summary>Mention for Slack actors (<c>&lt;@U…&gt;</c>), escaped display name for anyone else.</summary>
    public static string Who(Actor actor) =>
        actor.Id.StartsWith("slack:", StringComparison.Ordinal) && IsSlackId(actor.Id[6..]) ? $"<@{actor.Id[6..]}>" : SlackText.Escape(actor.DisplayName);

    private static bool IsSlackId(string id) => id.Length is > 1 and < 40 && id.All(char.IsAsciiLetterOrDigit);

    private static string BlockId(Prompt prompt) => "prompt:" + SlackText.Truncate(prompt.Id, 200);

    private static JsonArray Question(PromptView view)
    {
        var blocks = new JsonArray(Blocks.Header(view.Title)); // plain_text: Blocks escapes it
        foreach (var piece in MrkdwnSplitter.Split(SlackText.Escape(view.Text)).Where(p => p.Length > 0))
            blocks.Add(Blocks.Section(piece));
        foreach (var chunk in view.Facts.Chunk(BlockLimits.MaxFields).Take(5))
            blocks.Add(Blocks.Fields(chunk.Select(f => SlackText.Mrkdwn($"*{f.Label}*\n{f.Value}"))));
        return blocks;
    }
}
