using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Playbook.Inbox;
using ChatOpsBot.Core.Runs;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Core.Conversation;

/// <summary>
/// Carries out conversation commands for every channel, through the engine: a channel parses nothing and decides
/// nothing, it passes the typed line (or a command built from its own flags) and renders the typed result. Starting
/// and resuming only record and queue work, so a chat channel can answer within its time limit.
/// </summary>
public sealed class ConversationHandler(
    PlaybookEngine engine,
    IRunStore runs,
    IRunWorkQueue work,
    AnswerInbox inbox,
    TimeProvider clock,
    ILogger<ConversationHandler> logger)
{
    /// <summary>Parses <paramref name="text"/> with <see cref="CommandGrammar"/> and carries it out.</summary>
    /// <param name="text">What was typed (after the slash command or the bot's mention).</param>
    /// <param name="context">Who typed it, and where.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    public Task<CommandResult> HandleAsync(string? text, CommandContext context, CancellationToken cancellationToken)
    {
        var parse = CommandGrammar.Parse(text, clock.GetUtcNow());
        return parse.Command is { } command
            ? ExecuteAsync(command, context, cancellationToken)
            : Task.FromResult<CommandResult>(new CommandRefusedResult(parse.Error!, parse.Syntax, ShowUsage: true));
    }

    /// <summary>Carries out a parsed command.</summary>
    /// <param name="command">The command.</param>
    /// <param name="context">Who asked, and where.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    public async Task<CommandResult> ExecuteAsync(ConversationCommand command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        return command switch
        {
            StartCommand start => await StartAsync(start, context, cancellationToken).ConfigureAwait(false),
            StatusCommand status => await StatusAsync(status, cancellationToken).ConfigureAwait(false),
            RunsCommand list => new RunListResult(await runs.ListAsync(list.Take, cancellationToken).ConfigureAwait(false)),
            ResumeCommand resume => await ResumeAsync(resume, context, cancellationToken).ConfigureAwait(false),
            CancelCommand cancel => await CancelAsync(cancel, context, cancellationToken).ConfigureAwait(false),
            GraphCommand graph => new GraphResult(graph.Section, graph.Format, PlaybookGraphs.Render(engine.Sections[graph.Section], graph.Format)),
            HelpCommand => new HelpResult(CommandGrammar.Commands),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Not a conversation command."),
        };
    }

    private async Task<CommandResult> StartAsync(StartCommand start, CommandContext context, CancellationToken cancellationToken)
    {
        var settings = new RunSettings
        {
            Channel = context.Channel, ChannelAddress = context.ChannelAddress, StartedBy = context.RequestedBy,
            WindowFrom = start.WindowFrom ?? default, WindowTo = start.WindowTo ?? default,
        };
        var run = await engine.StartAsync(settings, cancellationToken).ConfigureAwait(false);
        await work.EnqueueAdvanceAsync(run.Id, cancellationToken).ConfigureAwait(false);
        return new RunStartedResult(run);
    }

    private async Task<CommandResult> StatusAsync(StatusCommand status, CancellationToken cancellationToken)
    {
        var runId = status.RunId ?? (await runs.ListAsync(1, cancellationToken).ConfigureAwait(false)).FirstOrDefault()?.Id;
        if (runId is null) return new RunListResult([]);
        var run = await runs.FindAsync(runId, cancellationToken).ConfigureAwait(false);
        return run is null ? NoSuchRun(runId) : new RunStatusResult(run, RunSections.Current(run));
    }

    private async Task<CommandResult> ResumeAsync(ResumeCommand resume, CommandContext context, CancellationToken cancellationToken)
    {
        var run = await runs.FindAsync(resume.RunId, cancellationToken).ConfigureAwait(false);
        if (run is null) return NoSuchRun(resume.RunId);
        if (run.State.IsFinished()) return new CommandRefusedResult($"Run {run.Id} is {run.State}; nothing to resume.", null, ShowUsage: false);
        // Through the inbox, whichever channel asks and whichever started the run: the resume survives this replica, and
        // the engine shows the open question again where the run talks.
        var key = context.RequestKey ?? $"{context.Channel}:resume:{run.Id}:{Guid.NewGuid():N}";
        try
        {
            await inbox.ReceiveAsync(new InboxItem(key, context.Channel, InboxKind.Resume, run.Id, null, null), applyHere: false, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (AnswerNotRecordedException)
        {
            return new CommandRefusedResult($"Could not record the resume of {run.Id} right now (the bot's database is unavailable); please try again in a moment.", null, ShowUsage: false);
        }
        logger.LogInformation("Run {RunId}: resume asked by {RequestedBy} via {Channel}", run.Id, context.RequestedBy, context.Channel);
        return new ResumeRequestedResult(run.Id, run.Settings.Channel);
    }

    private async Task<CommandResult> CancelAsync(CancelCommand cancel, CommandContext context, CancellationToken cancellationToken)
    {
        var run = await runs.FindAsync(cancel.RunId, cancellationToken).ConfigureAwait(false);
        if (run is null) return NoSuchRun(cancel.RunId);
        if (!await engine.CancelAsync(run.Id, context.RequestedBy, cancellationToken).ConfigureAwait(false))
        {
            var now = await runs.FindAsync(run.Id, cancellationToken).ConfigureAwait(false) ?? run;
            return new CommandRefusedResult($"Run {run.Id} is {now.State}; nothing to cancel.", null, ShowUsage: false);
        }
        return new RunCancelledResult(run.Id);
    }

    private static CommandRefusedResult NoSuchRun(string runId) => new($"There is no run {runId}; runs lists them.", null, ShowUsage: false);
}
