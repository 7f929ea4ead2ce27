using System.Text.Json.Nodes;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook.Inbox;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Slack.BlockKit;
using ChatOpsBot.Slack.Channel;
using ChatOpsBot.Slack.Escaping;
using ChatOpsBot.Slack.WebApi;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.Inbound;

/// <summary>
/// Interactivity. An answer (<c>block_actions</c> button, <c>view_submission</c> of a modal) is written to the durable
/// inbox, keyed on Slack's <c>trigger_id</c>, before Slack is acknowledged; any replica's inbox worker then applies it,
/// so a replica killed right after the acknowledgement loses nothing. A modal's text is first checked against the
/// prompt's rule so Slack can show the error beside the field. A button that opens a modal is not an answer: it only
/// asks Slack for the modal, in the background (a lost one costs a second click).
/// </summary>
public sealed class SlackInteractionHandler(
    AnswerInbox inbox,
    IRunStore runs,
    SlackActors actors,
    SlackWebApiClient slack,
    SlackBackgroundQueue background,
    IOptions<SlackOptions> options)
{
    /// <summary>Handles one payload; returns the body to acknowledge with (null: empty 200).</summary>
    /// <exception cref="AnswerNotRecordedException">The answer could not be stored: it must not be acknowledged as received.</exception>
    public async Task<JsonObject?> HandleAsync(JsonNode payload, CancellationToken cancellationToken) => payload["type"]?.GetValue<string>() switch
    {
        "block_actions" => await BlockActionsAsync(payload, cancellationToken).ConfigureAwait(false),
        "view_submission" => await ViewSubmissionAsync(payload, cancellationToken).ConfigureAwait(false),
        _ => null,
    };

    private async Task<JsonObject?> BlockActionsAsync(JsonNode payload, CancellationToken cancellationToken)
    {
        var user = payload["user"];
        var userId = user?["id"]?.GetValue<string>();
        var action = payload["actions"]?.AsArray().FirstOrDefault();
        var actionId = action?["action_id"]?.GetValue<string>() ?? "";
        var value = ActionValue.Parse(action?["value"]?.GetValue<string>());
        if (userId is null || value is null) return null;
        var userName = user?["username"]?.GetValue<string>() ?? user?["name"]?.GetValue<string>();
        var channel = payload["channel"]?["id"]?.GetValue<string>() ?? payload["container"]?["channel_id"]?.GetValue<string>();
        var route = new SlackReplyRoute(userId, payload["response_url"]?.GetValue<string>(), channel);
        var key = Key(payload, $"{userId}:{action?["action_ts"]?.GetValue<string>()}:{value}");
        if (actionId.StartsWith(ActionValue.OpenModalActionPrefix, StringComparison.Ordinal))
        {
            var triggerId = payload["trigger_id"]?.GetValue<string>() ?? "";
            background.Enqueue("open modal", ct => OpenModalAsync(value, triggerId, userId, userName, route, key, ct));
        }
        else if (actionId.StartsWith(ActionValue.AnswerActionPrefix, StringComparison.Ordinal))
        {
            await ReceiveAsync(key, value, null, userId, userName, route, cancellationToken).ConfigureAwait(false);
        }
        return null;
    }

    private async Task OpenModalAsync(ActionValue value, string triggerId, string userId, string? userName, SlackReplyRoute route, string key, CancellationToken cancellationToken)
    {
        var run = await runs.FindAsync(value.RunId, cancellationToken).ConfigureAwait(false);
        var prompt = run?.Prompt;
        var option = prompt?.Id == value.PromptId ? prompt.FindOption(value.Option) : null;
        var actor = await actors.ResolveAsync(userId, userName, cancellationToken).ConfigureAwait(false);
        if (prompt is null || option is null || (option.RequiresApprover && !actor.IsApprover))
        {
            // Stale or not allowed: let the answer processor judge (and record a refusal) without a modal.
            await ReceiveAsync(key, value, null, userId, userName, route, cancellationToken).ConfigureAwait(false);
            return;
        }
        await slack.OpenViewAsync(triggerId, PromptBlocks.Modal(prompt, option), cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonObject?> ViewSubmissionAsync(JsonNode payload, CancellationToken cancellationToken)
    {
        var view = payload["view"];
        if (view?["callback_id"]?.GetValue<string>() != ActionValue.ModalCallbackId) return null;
        var value = ActionValue.Parse(view["private_metadata"]?.GetValue<string>());
        var userId = payload["user"]?["id"]?.GetValue<string>();
        if (value is null || userId is null) return null;
        var text = view["state"]?["values"]?[ActionValue.ModalInputBlock]?[ActionValue.ModalInputAction]?["value"]?.GetValue<string>();

        var run = await runs.FindAsync(value.RunId, cancellationToken).ConfigureAwait(false);
        var prompt = run?.Prompt;
        if (prompt is null || prompt.Id != value.PromptId)
            return Errors("This question is no longer open; nothing was changed. Close this dialog.");
        var error = prompt.Input?.Check(text) ?? (string.IsNullOrWhiteSpace(text) ? "An answer is required." : null);
        if (error is not null) return Errors(error);

        var userName = payload["user"]?["username"]?.GetValue<string>() ?? payload["user"]?["name"]?.GetValue<string>();
        var route = new SlackReplyRoute(userId, null, run!.Settings.ChannelAddress ?? options.Value.Channel);
        var key = Key(payload, $"{userId}:{view["id"]?.GetValue<string>()}:{view["hash"]?.GetValue<string>()}:{value}");
        try
        {
            await ReceiveAsync(key, value, text, userId, userName, route, cancellationToken).ConfigureAwait(false);
        }
        catch (AnswerNotRecordedException)
        {
            // The modal stays open with the reason, so the analyst can submit again; nothing was acknowledged.
            return Errors("Your answer could not be recorded right now; please submit again in a moment.");
        }
        return null;
    }

    private Task ReceiveAsync(string key, ActionValue value, string? text, string userId, string? userName, SlackReplyRoute route, CancellationToken cancellationToken)
    {
        // Who is an approver is decided when the answer is applied; until then the actor is only named.
        var actor = new Actor($"slack:{userId}", string.IsNullOrWhiteSpace(userName) ? userId : userName, IsApprover: false);
        var item = new InboxItem(key, SlackChatChannel.ChannelName, InboxKind.Answer, value.RunId,
            new PromptAnswer(value.RunId, value.PromptId, value.Option, text, actor), route.Serialize());
        return inbox.ReceiveAsync(item, applyHere: false, cancellationToken);
    }

    // Slack's trigger_id is unique per interaction; the fallback is built from what identifies the click.
    private static string Key(JsonNode payload, string fallback) =>
        payload["trigger_id"]?.GetValue<string>() is { Length: > 0 } trigger ? $"slack:{trigger}" : $"slack:{fallback}";

    private static JsonObject Errors(string message) => new()
    {
        ["response_action"] = "errors",
        ["errors"] = new JsonObject { [ActionValue.ModalInputBlock] = SlackText.Truncate(message, 200) },
    };
}
