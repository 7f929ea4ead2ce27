using System.Globalization;
using System.Text.Json.Nodes;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook.Coverage;
using ChatOpsBot.Slack.Escaping;

namespace ChatOpsBot.Slack.BlockKit;

/// <summary>Renders prompts: an open one with buttons, an answered one with who answered what and when (no buttons).</summary>
public static class PromptBlocks
{
    /// <summary>The open prompt: question, evidence, approvals so far, last error, and a button per option (text prompts: a button that opens a modal).</summary>
    public static JsonArray Open(Prompt prompt)
    {
        var blocks = Question(prompt);
        if (prompt.LastError is not null) blocks.Add(Blocks.Section($":x: {SlackText.Escape(prompt.LastError)}"));
        if (prompt.Approvals.Count > 0)
            blocks.Add(Blocks.Context("Approved so far by " + string.Join(", ", prompt.Approvals.Select(a => Who(a.Actor)))));
        var buttons = prompt.Options.Select((option, i) =>
        {
            var value = new ActionValue(prompt.RunId, prompt.Id, option.Value).ToString();
            var prefix = prompt.Kind == PromptKind.Text ? ActionValue.OpenModalActionPrefix : ActionValue.AnswerActionPrefix;
            var label = prompt.Kind == PromptKind.Text ? $"{option.Label}…" : option.Label;
            return Blocks.Button(prefix + i.ToString(CultureInfo.InvariantCulture), label, value, option.Style);
        });
        blocks.Add(Blocks.Actions(BlockId(prompt), buttons));
        var notes = prompt.Options.Where(o => o.RequiresApprover || o.RequiredApprovals > 1)
            .Select(o => SlackText.Mrkdwn($"“{o.Label}”: approvers only{(o.RequiredApprovals > 1 ? $", {o.RequiredApprovals} distinct approvers" : "")}"));
        // The prompt id stays in the block id and button values (and the run's timeline), not in what analysts read.
        var context = string.Join(" · ", notes.Prepend(SlackText.Escape(SectionNames.Friendly(prompt.Section))));
        blocks.Add(Blocks.Context(context));
        return blocks;
    }

    /// <summary>The answered prompt: same question, then who answered what and when; the buttons are gone.</summary>
    public static JsonArray Closed(PromptClosure closure)
    {
        var blocks = Question(closure.Prompt);
        var answer = SlackText.Escape(closure.OptionLabel) + (closure.Text is null ? "" : $": {SlackText.Code(closure.Text)}");
        var who = string.Join(", ", closure.AnsweredBy.Select(Who));
        var auto = closure.Automatic ? " (automatic)" : "";
        blocks.Add(Blocks.Section($":white_check_mark: *{answer}* — {who}{auto} at {closure.At.ToUniversalTime():yyyy-MM-dd HH:mm} UTC"));
        blocks.Add(Blocks.Context(SlackText.Mrkdwn($"{SectionNames.Friendly(closure.Prompt.Section)} · answered")));
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

    private static JsonArray Question(Prompt prompt)
    {
        var blocks = new JsonArray(Blocks.Header(prompt.Title)); // plain_text: Blocks escapes it
        foreach (var piece in MrkdwnSplitter.Split(SlackText.Escape(prompt.Text)).Where(p => p.Length > 0))
            blocks.Add(Blocks.Section(piece));
        foreach (var chunk in prompt.Facts.Chunk(BlockLimits.MaxFields).Take(5))
            blocks.Add(Blocks.Fields(chunk.Select(f => SlackText.Mrkdwn($"*{f.Label}*\n{f.Value}"))));
        return blocks;
    }
}
