using System.Text.Json.Nodes;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Slack.BlockKit;
using ChatOpsBot.Slack.Escaping;
using ChatOpsBot.Slack.WebApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.Inbound;

/// <summary>
/// Interactivity: <c>block_actions</c> (buttons) are acknowledged at once and answered in the background;
/// <c>view_submission</c> (modal) is validated synchronously against the prompt's rule so Slack can show the error
/// beside the field, then answered in the background. Outcomes other than "accepted" reach the person ephemerally.
/// </summary>
public sealed class SlackInteractionHandler(
    AnswerProcessor answers,
    IRunStore runs,
    IRunWorkQueue work,
    SlackActors actors,
    SlackWebApiClient slack,
    SlackBackgroundQueue background,
    IOptions<SlackOptions> options,
    ILogger<SlackInteractionHandler> logger)
{
    /// <summary>Handles one payload; returns the body to acknowledge with (null: empty 200).</summary>
    public async Task<JsonObject?> HandleAsync(JsonNode payload, CancellationToken cancellationToken) => payload["type"]?.GetValue<string>() switch
    {
        "block_actions" => BlockActions(payload),
        "view_submission" => await ViewSubmissionAsync(payload, cancellationToken).ConfigureAwait(false),
        _ => null,
    };

    private JsonObject? BlockActions(JsonNode payload)
    {
        var user = payload["user"];
        var userId = user?["id"]?.GetValue<string>();
        var action = payload["actions"]?.AsArray().FirstOrDefault();
        var actionId = action?["action_id"]?.GetValue<string>() ?? "";
        var value = ActionValue.Parse(action?["value"]?.GetValue<string>());
        if (userId is null || value is null) return null;
        var userName = user?["username"]?.GetValue<string>() ?? user?["name"]?.GetValue<string>();
        var responseUrl = payload["response_url"]?.GetValue<string>();
        var channel = payload["channel"]?["id"]?.GetValue<string>() ?? payload["container"]?["channel_id"]?.GetValue<string>();
        var reply = new Reply(userId, responseUrl, channel);
        if (actionId.StartsWith(ActionValue.OpenModalActionPrefix, StringComparison.Ordinal))
        {
            var triggerId = payload["trigger_id"]?.GetValue<string>() ?? "";
            background.Enqueue("open modal", ct => OpenModalAsync(value, triggerId, userId, userName, reply, ct));
        }
        else if (actionId.StartsWith(ActionValue.AnswerActionPrefix, StringComparison.Ordinal))
        {
            background.Enqueue("answer", async ct =>
            {
                var actor = await actors.ResolveAsync(userId, userName, ct).ConfigureAwait(false);
                await AnswerAsync(new PromptAnswer(value.RunId, value.PromptId, value.Option, null, actor), reply, ct).ConfigureAwait(false);
            });
        }
        return null;
    }

    private async Task OpenModalAsync(ActionValue value, string triggerId, string userId, string? userName, Reply reply, CancellationToken cancellationToken)
    {
        var run = await runs.FindAsync(value.RunId, cancellationToken).ConfigureAwait(false);
        var prompt = run?.Prompt;
        var option = prompt?.Id == value.PromptId ? prompt.FindOption(value.Option) : null;
        var actor = await actors.ResolveAsync(userId, userName, cancellationToken).ConfigureAwait(false);
        if (prompt is null || option is null || (option.RequiresApprover && !actor.IsApprover))
        {
            // Stale or not allowed: let the answer processor judge (and record a refusal) without a modal.
            await AnswerAsync(new PromptAnswer(value.RunId, value.PromptId, value.Option, null, actor), reply, cancellationToken).ConfigureAwait(false);
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
        var reply = new Reply(userId, null, run!.Settings.ChannelAddress ?? options.Value.Channel);
        background.Enqueue("modal answer", async ct =>
        {
            var actor = await actors.ResolveAsync(userId, userName, ct).ConfigureAwait(false);
            await AnswerAsync(new PromptAnswer(value.RunId, value.PromptId, value.Option, text, actor), reply, ct).ConfigureAwait(false);
        });
        return null;
    }

    private async Task AnswerAsync(PromptAnswer answer, Reply reply, CancellationToken cancellationToken)
    {
        var result = await answers.AnswerAsync(answer, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Run {RunId}: Slack answer to {PromptId} by {Actor}: {Outcome}", answer.RunId, answer.PromptId, answer.Actor.Id, result.Outcome);
        if (result.Outcome == AnswerOutcome.Accepted)
        {
            await work.EnqueueAdvanceAsync(answer.RunId, cancellationToken).ConfigureAwait(false);
            return;
        }
        var text = SlackText.Escape(result.Message);
        if (reply.ResponseUrl is not null)
            await slack.RespondAsync(reply.ResponseUrl, SlackReplies.Ephemeral(text), cancellationToken).ConfigureAwait(false);
        else if (reply.Channel is not null)
            await slack.PostEphemeralAsync(reply.Channel, reply.UserId, text, cancellationToken).ConfigureAwait(false);
    }

    private static JsonObject Errors(string message) => new()
    {
        ["response_action"] = "errors",
        ["errors"] = new JsonObject { [ActionValue.ModalInputBlock] = SlackText.Truncate(message, 200) },
    };

    private sealed record Reply(string UserId, string? ResponseUrl, string? Channel);
}
