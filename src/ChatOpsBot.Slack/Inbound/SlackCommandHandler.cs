using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Playbook.Inbox;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Slack.Channel;
using ChatOpsBot.Slack.Escaping;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.Inbound;

/// <summary><c>/c2hunt start [since] [until]|status [run]|runs|resume &lt;run&gt;|graph &lt;section&gt;|help</c>. Replies at once; slow work is queued.</summary>
public sealed class SlackCommandHandler(
    PlaybookEngine engine,
    IRunStore runs,
    IRunWorkQueue work,
    AnswerInbox inbox,
    IOptions<SlackOptions> options,
    TimeProvider clock)
{
    public const string Usage =
        "Usage: `/c2hunt start [since] [until]` (e.g. `start 24h`, `start 24h 2026-11-28T00:00Z`) · `status [run]` · `runs` · `resume <run>` · `graph <section>` · `help`";

    public async Task<JsonObject> HandleAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var words = command.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var verb = words.Length == 0 ? "help" : words[0].ToLowerInvariant();
        var args = words.Skip(1).ToArray();
        return (verb, args.Length) switch
        {
            ("start", <= 2) => await StartAsync(command, args, cancellationToken).ConfigureAwait(false),
            ("status", <= 1) => await StatusAsync(args.FirstOrDefault(), cancellationToken).ConfigureAwait(false),
            ("runs", 0) => await ListAsync(cancellationToken).ConfigureAwait(false),
            ("resume", 1) => await ResumeAsync(command, args[0], cancellationToken).ConfigureAwait(false),
            ("graph", 1) => Graph(args[0]),
            ("help", 0) => SlackReplies.Ephemeral(Usage),
            _ => SlackReplies.Ephemeral($"I don't know `{SlackText.Escape(SlackText.Truncate(command.Text, 100))}`.\n{Usage}"),
        };
    }

    private async Task<JsonObject> StartAsync(SlashCommand command, string[] args, CancellationToken cancellationToken)
    {
        var settings = new RunSettings
        {
            Channel = SlackChatChannel.ChannelName,
            ChannelAddress = options.Value.Channel,
            StartedBy = string.IsNullOrWhiteSpace(command.UserName) ? $"slack:{command.UserId}" : command.UserName,
        };
        if (args.Length >= 2)
        {
            if (!CommandLineWindow.TryParseTime(args[1], out var until))
                return SlackReplies.Ephemeral($"`{SlackText.Escape(args[1])}` is not a time; use ISO-8601 such as `2026-11-28T00:00Z`.\n{Usage}");
            settings.WindowTo = until;
        }
        if (args.Length >= 1)
        {
            if (!CommandLineWindow.TryParseDuration(args[0], out var since))
                return SlackReplies.Ephemeral($"`{SlackText.Escape(args[0])}` is not a duration; use e.g. `24h`, `3d`, `90m`, `1h30m` (at most 90 days).\n{Usage}");
            if (settings.WindowTo == default) settings.WindowTo = clock.GetUtcNow();
            settings.WindowFrom = settings.WindowTo - since;
        }
        var run = await engine.StartAsync(settings, cancellationToken).ConfigureAwait(false);
        await work.EnqueueAdvanceAsync(run.Id, cancellationToken).ConfigureAwait(false);
        return SlackReplies.InChannel(
            $"<@{SlackText.Escape(command.UserId)}> started C2 hunt `{run.Id}` over {run.Settings.WindowFrom:yyyy-MM-dd HH:mm} → {run.Settings.WindowTo:yyyy-MM-dd HH:mm} UTC. " +
            $"Findings and questions will appear in <#{SlackText.Escape(run.Settings.ChannelAddress)}>.");
    }

    private async Task<JsonObject> StatusAsync(string? runId, CancellationToken cancellationToken)
    {
        runId ??= (await runs.ListAsync(1, cancellationToken).ConfigureAwait(false)).FirstOrDefault()?.Id;
        var run = runId is null ? null : await runs.FindAsync(runId, cancellationToken).ConfigureAwait(false);
        if (run is null) return SlackReplies.Ephemeral(runId is null ? "No runs yet. Start one with `/c2hunt start`." : $"There is no run `{SlackText.Escape(runId)}`.");
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"*Run* `{run.Id}`: *{run.State}*, started by {SlackText.Escape(run.Settings.StartedBy)} at {run.CreatedAt:yyyy-MM-dd HH:mm} UTC\n");
        sb.Append(CultureInfo.InvariantCulture, $"Hits: {run.Hits.Count} · remote IPs: {run.RemoteIps.Count} · compromised hosts: {run.Hosts.Count} · ticket: {SlackText.Escape(run.Ticket?.Id ?? "none")}\n");
        sb.Append(CultureInfo.InvariantCulture, $"Open question: {SlackText.Escape(run.Prompt?.Title ?? "none")}");
        return SlackReplies.Ephemeral(sb.ToString());
    }

    private async Task<JsonObject> ListAsync(CancellationToken cancellationToken)
    {
        var list = await runs.ListAsync(10, cancellationToken).ConfigureAwait(false);
        if (list.Count == 0) return SlackReplies.Ephemeral("No runs yet. Start one with `/c2hunt start`.");
        var lines = list.Select(r => $"`{SlackText.Escape(r.Id)}` {r.State} · {SlackText.Escape(r.Section)} · started {r.CreatedAt:yyyy-MM-dd HH:mm} UTC");
        return SlackReplies.Ephemeral("*Recent runs*\n" + string.Join('\n', lines));
    }

    private async Task<JsonObject> ResumeAsync(SlashCommand command, string runId, CancellationToken cancellationToken)
    {
        var run = await runs.FindAsync(runId, cancellationToken).ConfigureAwait(false);
        if (run is null) return SlackReplies.Ephemeral($"There is no run `{SlackText.Escape(runId)}`.");
        if (run.State.IsFinished()) return SlackReplies.Ephemeral($"Run `{run.Id}` is {run.State}; nothing to resume.");
        // Through the inbox: the resume survives this replica, and any replica's worker carries it out.
        var key = command.TriggerId is { Length: > 0 } trigger ? $"slack:{trigger}" : $"slack:resume:{run.Id}:{Guid.NewGuid():N}";
        try
        {
            await inbox.ReceiveAsync(new InboxItem(key, SlackChatChannel.ChannelName, InboxKind.Resume, run.Id, null, null), applyHere: false, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (AnswerNotRecordedException)
        {
            return SlackReplies.Ephemeral($"Could not record the resume of `{run.Id}` right now (the bot's database is unavailable); please try again in a moment.");
        }
        return SlackReplies.Ephemeral($"Resuming `{run.Id}`; its open question (if any) is posted again.");
    }

    private JsonObject Graph(string sectionName)
    {
        if (!Enum.TryParse<PlaybookSection>(sectionName, ignoreCase: true, out var section) || !Enum.IsDefined(section))
            return SlackReplies.Ephemeral($"`{SlackText.Escape(sectionName)}` is not a section; use one of {string.Join(", ", Enum.GetNames<PlaybookSection>())}.");
        var graph = PlaybookGraphs.Render(engine.Sections[section], "mermaid");
        return SlackReplies.Ephemeral($"*{section}* state machine (Mermaid):\n```{SlackText.Truncate(SlackText.Escape(graph), 35_000)}```");
    }
}
