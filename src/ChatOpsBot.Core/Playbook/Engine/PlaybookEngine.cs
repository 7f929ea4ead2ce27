using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook.Coverage;
using ChatOpsBot.Core.Runs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Core.Playbook.Engine;

/// <summary>
/// Drives runs: creates them, advances them step by step (saving after every step, so a crash resumes from
/// the last saved state) and delivers their outbox. Answers go through <see cref="AnswerProcessor"/>.
/// </summary>
public sealed class PlaybookEngine(
    IRunStore store,
    IEnumerable<IPlaybookSection> sections,
    PlaybookPorts ports,
    IOptions<PlaybookOptions> options,
    TimeProvider clock,
    FeedCache feeds,
    RunLocks locks,
    OutboxDelivery outbox,
    PlaybookMetrics metrics,
    ILogger<PlaybookEngine> logger)
{
    private const int MaxStepsPerAdvance = 10_000;
    private readonly IReadOnlyDictionary<PlaybookSection, IPlaybookSection> _sections = sections.ToDictionary(s => s.Id);

    /// <summary>The sections, by id.</summary>
    public IReadOnlyDictionary<PlaybookSection, IPlaybookSection> Sections => _sections;

    /// <summary>Creates and stores a new run with a fresh id; call <see cref="AdvanceAsync"/> to start it.</summary>
    public Task<PlaybookRun> StartAsync(RunSettings settings, CancellationToken cancellationToken) => StartAsync(settings, null, cancellationToken);

    /// <summary>Creates and stores a new run; call <see cref="AdvanceAsync"/> to start it.</summary>
    /// <param name="settings">What the run works on.</param>
    /// <param name="runId">A caller-chosen id (scheduled hunts derive it from the occurrence, so a second start of the
    /// same occurrence fails with <see cref="RunAlreadyExistsException"/>); null for a fresh random id.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public async Task<PlaybookRun> StartAsync(RunSettings settings, string? runId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (settings.WindowTo == default) settings.WindowTo = now;
        if (settings.WindowFrom == default) settings.WindowFrom = settings.WindowTo - options.Value.DefaultWindow;
        if (string.IsNullOrWhiteSpace(settings.Feed)) settings.Feed = options.Value.Feed;
        var run = new PlaybookRun
        {
            Id = runId ?? $"r-{now:yyyyMMdd-HHmmss}-{System.Security.Cryptography.RandomNumberGenerator.GetHexString(4, lowercase: true)}",
            CreatedAt = now, UpdatedAt = now, Settings = settings,
        };
        await store.CreateAsync(run, cancellationToken).ConfigureAwait(false);
        metrics.RunStarted(run);
        metrics.RunSaved(run);
        logger.LogInformation("Run {RunId} created by {StartedBy} on {Channel}", run.Id, settings.StartedBy, settings.Channel);
        return run;
    }

    /// <summary>
    /// Starts loading the feed a run started with <paramref name="settings"/> will hunt with (the configured feed when
    /// the settings name none), for a caller about to start one: the terminal overlaps it with the database start-up.
    /// </summary>
    public void PrefetchFeed(RunSettings settings, CancellationToken cancellationToken) =>
        feeds.Prefetch(string.IsNullOrWhiteSpace(settings.Feed) ? options.Value.Feed : settings.Feed, ports.Feed, cancellationToken);

    /// <summary>The run, or null.</summary>
    public Task<PlaybookRun?> FindAsync(string runId, CancellationToken cancellationToken) => store.FindAsync(runId, cancellationToken);

    /// <summary>A context for one turn on <paramref name="run"/>.</summary>
    public SectionContext ContextFor(PlaybookRun run) =>
        new(run, ports, options.Value, clock, feeds, logger, (notification, ct) => outbox.ShowNowAsync(run, notification, ct));

    /// <summary>
    /// Runs automatic steps until a prompt is open or the run is finished, saving after each step and
    /// delivering the outbox after each save.
    /// </summary>
    public async Task<PlaybookRun> AdvanceAsync(string runId, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(RunScope(runId));
        using var _ = await locks.AcquireAsync(runId, cancellationToken).ConfigureAwait(false);
        var run = await store.FindAsync(runId, cancellationToken).ConfigureAwait(false) ?? throw new KeyNotFoundException($"No run {runId}.");
        run = await DeliverAsync(run, force: false, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < MaxStepsPerAdvance && run.Prompt is null && run.State is RunState.Running or RunState.AwaitingAnswer; i++)
        {
            var section = SectionScheduler.Next(run, _sections);
            if (section is null)
            {
                run.State = RunCoverage.FinalState(run);
                run.FinishedAt = clock.GetUtcNow();
                Number(run);
                await store.SaveAsync(run, cancellationToken).ConfigureAwait(false);
                metrics.RunSaved(run);
                metrics.RunFinished(run);
                run = await DeliverAsync(run, force: false, cancellationToken).ConfigureAwait(false);
                logger.LogInformation("Run {RunId} finished: {State} ({Gaps} coverage gaps)", run.Id, run.State, RunCoverage.Gaps(run).Count);
                break;
            }
            run = await StepAsync(run, section, cancellationToken).ConfigureAwait(false);
        }
        return run;
    }

    /// <summary>Re-delivers what a crash left undelivered and shows the open prompt again, then advances.</summary>
    public async Task<PlaybookRun> ResumeAsync(string runId, CancellationToken cancellationToken)
    {
        await ReaskAsync(runId, cancellationToken).ConfigureAwait(false);
        return await AdvanceAsync(runId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The first half of <see cref="ResumeAsync"/>, for a caller that leaves the advance to the work queue: shows the
    /// open prompt again and delivers the outbox at once, past any back-off or an earlier give-up. Returns false when
    /// there is no such run.
    /// </summary>
    public async Task<bool> ReaskAsync(string runId, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(RunScope(runId));
        using var _ = await locks.AcquireAsync(runId, cancellationToken).ConfigureAwait(false);
        var run = await store.FindAsync(runId, cancellationToken).ConfigureAwait(false);
        if (run is null) return false;
        if (run.Prompt is not null && run.Outbox.All(m => m.Prompt?.Id != run.Prompt.Id))
        {
            run.Outbox.Add(new OutboxMessage { Key = $"{run.Prompt.Id}:resume:{run.Version}", Kind = OutboxKind.Ask, Prompt = run.Prompt });
            await SaveAndDeliverAsync(run, force: true, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await DeliverAsync(run, force: true, cancellationToken).ConfigureAwait(false);
        }
        return true;
    }

    /// <summary>
    /// Stops a run that is not finished: its open question is closed (its message shows who cancelled it) and the run
    /// is on record as Abandoned, as when an analyst stops it after a failed step. Returns false when there is no such
    /// run or it is already finished.
    /// </summary>
    /// <param name="runId">The run.</param>
    /// <param name="cancelledBy">Who asked, as the timeline records them.</param>
    /// <param name="cancellationToken">Cancels the wait for the run's lock and the save.</param>
    public async Task<bool> CancelAsync(string runId, string cancelledBy, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(RunScope(runId));
        using var _ = await locks.AcquireAsync(runId, cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            var run = await store.FindAsync(runId, cancellationToken).ConfigureAwait(false);
            if (run is null || run.State.IsFinished()) return false;
            var context = ContextFor(run);
            var section = run.Prompt?.Section ?? SectionScheduler.Next(run, _sections)?.Id ?? PlaybookSection.Closure;
            if (run.Prompt is { } prompt)
            {
                const string label = "Run cancelled";
                run.Prompt = null;
                run.ClosedPrompts.Add(new ClosedPrompt { Id = prompt.Id, Title = prompt.Title, Answer = label, AnsweredBy = cancelledBy, At = context.Now });
                run.Outbox.Add(new OutboxMessage
                {
                    Key = $"{prompt.Id}:closed", Kind = OutboxKind.PromptClosed,
                    Closure = new PromptClosure(prompt, label, null, [new Actor(cancelledBy, cancelledBy, false)], context.Now, false),
                });
            }
            context.Record(TimelineEntryKind.Effect, section, $"Run cancelled by {cancelledBy}");
            // The channel that follows the run hears it stopped: otherwise its last word is a question nobody will answer.
            context.Notify(section, NotificationKind.Summary, "cancelled", "Run cancelled", $"{cancelledBy} stopped the run; it is on record as Abandoned.",
                broadcast: true);
            run.State = RunState.Abandoned;
            run.FinishedAt = context.Now;
            try
            {
                await SaveAndDeliverAsync(run, force: false, cancellationToken).ConfigureAwait(false);
            }
            catch (RunConcurrencyException) when (attempt < 5)
            {
                // A step or an answer on another replica saved first; judge the cancel against what the run is now.
                continue;
            }
            metrics.RunFinished(run);
            logger.LogInformation("Run {RunId} cancelled by {CancelledBy}", run.Id, cancelledBy);
            return true;
        }
    }

    /// <summary>
    /// Delivers what waits in the run's outbox (a failed post whose retry is due, or messages a replica saved and died
    /// before posting); the outbox worker calls it for runs the database lists as having undelivered messages.
    /// </summary>
    public async Task DeliverPendingAsync(string runId, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(RunScope(runId));
        using var _ = await locks.AcquireAsync(runId, cancellationToken).ConfigureAwait(false);
        var run = await store.FindAsync(runId, cancellationToken).ConfigureAwait(false);
        if (run is null || run.Outbox.Count == 0) return;
        await DeliverAsync(run, force: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Asks the open prompt <paramref name="promptId"/> again as a reminder, once. Returns false when that prompt
    /// is no longer open or was already reminded (another replica may have done it).
    /// </summary>
    public async Task<bool> RemindAsync(string runId, string promptId, CancellationToken cancellationToken)
    {
        using var _ = await locks.AcquireAsync(runId, cancellationToken).ConfigureAwait(false);
        var run = await store.FindAsync(runId, cancellationToken).ConfigureAwait(false);
        if (run?.Prompt is not { } prompt || prompt.Id != promptId || prompt.RemindedAt is not null) return false;
        var context = ContextFor(run);
        run.Prompt = prompt with { RemindedAt = context.Now };
        context.Record(TimelineEntryKind.Reminder, prompt.Section, $"Reminder: waiting since {prompt.OpenedAt:u}", prompt.Id, prompt.Title);
        run.Outbox.Add(new OutboxMessage { Key = $"{prompt.Id}:reminder", Kind = OutboxKind.Ask, Prompt = run.Prompt });
        try
        {
            await SaveAndDeliverAsync(run, force: false, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RunConcurrencyException)
        {
            return false;
        }
    }

    private async Task<PlaybookRun> StepAsync(PlaybookRun run, IPlaybookSection section, CancellationToken cancellationToken)
    {
        var context = ContextFor(run);
        var before = Fingerprint(run);
        try
        {
            context.Visit(section.Id);
            await section.StepAsync(context, cancellationToken).ConfigureAwait(false);
            if (Fingerprint(run) == before)
                throw new InvalidOperationException($"{section.Id} made no progress in state {before}.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (FailureKinds.IsBug(e)) logger.LogError(e, "Run {RunId}: {Section} step failed", run.Id, section.Id);
            else
            {
                // An outside system failing is expected: one line for the operator, the stack trace only at Debug.
                logger.LogWarning("Run {RunId}: {Section} step failed: {Error}", run.Id, section.Id, e.Message);
                logger.LogDebug(e, "Run {RunId}: {Section} step failure details", run.Id, section.Id);
            }
            metrics.StepFailed(section.Id);
            // Drop the half-done step: the saved run is the truth; the step is retried from there.
            run = await store.FindAsync(run.Id, cancellationToken).ConfigureAwait(false) ?? run;
            StepFailure.Ask(ContextFor(run), section.Id, e, section.CanSkip(run));
        }
        run.State = run.Prompt is null ? RunState.Running : RunState.AwaitingAnswer;
        return await SaveAndDeliverAsync(run, force: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Saves <paramref name="run"/> (a conflict throws <see cref="RunConcurrencyException"/>: nothing was saved), then
    /// delivers its outbox. Returns the run to go on with: <paramref name="run"/>, or a fresh copy when another replica
    /// saved it while the outbox was delivered.
    /// </summary>
    internal async Task<PlaybookRun> SaveAndDeliverAsync(PlaybookRun run, bool force, CancellationToken cancellationToken)
    {
        Number(run);
        await store.SaveAsync(run, cancellationToken).ConfigureAwait(false);
        metrics.RunSaved(run);
        return await DeliverAsync(run, force, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The logging scope that puts the run id on every event logged while working on the run.</summary>
    internal static Dictionary<string, object> RunScope(string runId) => new(StringComparer.Ordinal) { ["RunId"] = runId };

    /// <summary>
    /// Delivers the outbox and saves the shorter outbox. The delivered messages are marked in their claims, so when
    /// another replica saved the run meanwhile the save is not needed for correctness: the run is read again and the
    /// fresh copy delivers (skipping what is delivered) and is trimmed instead.
    /// </summary>
    private async Task<PlaybookRun> DeliverAsync(PlaybookRun run, bool force, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (!await outbox.DeliverAsync(run, force, cancellationToken).ConfigureAwait(false)) return run;
            try
            {
                await store.SaveAsync(run, cancellationToken).ConfigureAwait(false);
                metrics.RunSaved(run);
                return run;
            }
            catch (RunConcurrencyException) when (attempt < 3)
            {
                logger.LogDebug("Run {RunId}: saved elsewhere while its outbox was delivered; reading it again", run.Id);
                run = await store.FindAsync(run.Id, cancellationToken).ConfigureAwait(false) ?? run;
            }
        }
    }

    /// <summary>Numbers the messages queued since the last save, so every replica delivers a run's messages in one order.</summary>
    private static void Number(PlaybookRun run)
    {
        foreach (var message in run.Outbox)
            if (message.Seq == 0) message.Seq = ++run.OutboxSequence;
    }

    private static string Fingerprint(PlaybookRun run) =>
        $"{run.Hunt.State}|{run.Validation.State}|{run.Containment.State}|{run.Pivot.State}|{run.InitialCompromise.State}|{run.Closure.State}|{run.Prompt?.Id}|{run.Timeline.Count}";
}
