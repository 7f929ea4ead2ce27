using System.Text.Json.Nodes;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Slack.Escaping;

namespace ChatOpsBot.Slack.BlockKit;

/// <summary>
/// Block Kit elements as JSON. mrkdwn parameters are already mrkdwn (built with <see cref="SlackText.Mrkdwn"/> or
/// <see cref="SlackText.Escape"/>); <c>plain_text</c> parameters (headers, buttons, labels) are raw text, escaped here
/// with <see cref="SlackText.PlainText"/> and nowhere else, so they are escaped exactly once. Lengths are cut to the limits.
/// </summary>
public static class Blocks
{
    public static JsonObject PlainText(string text, int max) => new() { ["type"] = "plain_text", ["text"] = SlackText.Truncate(SlackText.PlainText(text), max), ["emoji"] = true };

    public static JsonObject Mrkdwn(string text, int max) => new() { ["type"] = "mrkdwn", ["text"] = SlackText.Truncate(text, max) };

    public static JsonObject Header(string text) => new() { ["type"] = "header", ["text"] = PlainText(text, BlockLimits.MaxHeaderText) };

    public static JsonObject Section(string mrkdwn) => new() { ["type"] = "section", ["text"] = Mrkdwn(mrkdwn, BlockLimits.MaxSectionText) };

    public static JsonObject Fields(IEnumerable<string> mrkdwnFields) => new()
    {
        ["type"] = "section",
        ["fields"] = new JsonArray(mrkdwnFields.Take(BlockLimits.MaxFields).Select(f => (JsonNode)Mrkdwn(f, BlockLimits.MaxFieldText)).ToArray()),
    };

    public static JsonObject Context(string mrkdwn) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(Mrkdwn(mrkdwn, BlockLimits.MaxContextText)),
    };

    public static JsonObject Divider() => new() { ["type"] = "divider" };

    public static JsonObject Actions(string blockId, IEnumerable<JsonObject> elements) => new()
    {
        ["type"] = "actions",
        ["block_id"] = blockId,
        ["elements"] = new JsonArray(elements.Take(25).Select(e => (JsonNode)e).ToArray()),
    };

    public static JsonObject Button(string actionId, string label, string value, OptionStyle style)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = actionId,
            ["text"] = PlainText(label, BlockLimits.MaxButtonText),
            ["value"] = value,
        };
        if (style == OptionStyle.Primary) button["style"] = "primary";
        if (style == OptionStyle.Danger) button["style"] = "danger";
        return button;
    }

    public static JsonObject Input(string blockId, string label, JsonObject element) => new()
    {
        ["type"] = "input",
        ["block_id"] = blockId,
        ["label"] = PlainText(label, 2000),
        ["element"] = element,
    };

    public static JsonObject PlainTextInput(string actionId, string? placeholder, int maxLength)
    {
        var input = new JsonObject { ["type"] = "plain_text_input", ["action_id"] = actionId, ["max_length"] = Math.Clamp(maxLength, 1, 3000) };
        if (!string.IsNullOrEmpty(placeholder)) input["placeholder"] = PlainText(placeholder, 150);
        return input;
    }
}
