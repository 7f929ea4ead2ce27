using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Core.Playbook.Engine;

/// <summary>
/// The playbook's instruments in the <see cref="MeterName"/> meter: runs started, resolved and abandoned,
/// open runs by state, prompt wait time and section step failures. Open runs are counted from the saves this
/// process makes (no database query per scrape), so with several replicas each reports the runs it last touched.
/// </summary>
public sealed class PlaybookMetrics : IDisposable
{
    /// <summary>The meter every ChatOpsBot instrument belongs to.</summary>
    public const string MeterName = "ChatOpsBot";

    private readonly Meter? _ownedMeter;
    private readonly Counter<long> _started;
    private readonly Counter<long> _resolved;
    private readonly Counter<long> _abandoned;
    private readonly Counter<long> _inconclusive;
    private readonly Histogram<double> _promptWait;
    private readonly Counter<long> _stepFailures;
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _deliveryFailures;
    private readonly Counter<long> _deliveryGaveUp;
    private readonly Counter<long> _inboxReceived;
    private int _failingRuns;
    private readonly ConcurrentDictionary<string, RunState> _openRuns = new(StringComparer.Ordinal);

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>, or on a meter of its own when there is none.</summary>
    public PlaybookMetrics(IMeterFactory? meterFactory = null)
    {
        var meter = meterFactory?.Create(MeterName) ?? (_ownedMeter = new Meter(MeterName));
        _started = meter.CreateCounter<long>("chatopsbot.runs.started", "{run}", "Playbook runs started.");
        _resolved = meter.CreateCounter<long>("chatopsbot.runs.resolved", "{run}", "Playbook runs resolved.");
        _abandoned = meter.CreateCounter<long>("chatopsbot.runs.abandoned", "{run}", "Playbook runs abandoned after a failed step.");
        _inconclusive = meter.CreateCounter<long>("chatopsbot.runs.inconclusive", "{run}", "Playbook runs closed without an incident while their coverage had gaps.");
        meter.CreateObservableGauge("chatopsbot.runs.open", ObserveOpenRuns, "{run}", "Open runs this process last saved, by state.");
        _promptWait = meter.CreateHistogram("chatopsbot.prompt.wait.duration", "s", "Time from a prompt being opened to its accepted answer.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 5, 15, 60, 300, 900, 1800, 3600, 4 * 3600, 12 * 3600, 24 * 3600] });
        _stepFailures = meter.CreateCounter<long>("chatopsbot.section.step.failures", "{failure}", "Section steps that threw and were offered to the analyst for retry.");
        _delivered = meter.CreateCounter<long>("chatopsbot.outbox.delivered", "{message}", "Outbox messages delivered to their channel.");
        _deliveryFailures = meter.CreateCounter<long>("chatopsbot.outbox.delivery.failures", "{attempt}", "Failed attempts to deliver an outbox message (retried with back-off).");
        _deliveryGaveUp = meter.CreateCounter<long>("chatopsbot.outbox.gave_up", "{message}", "Outbox messages whose retries stopped after Outbox:GiveUpAfter.");
        meter.CreateObservableGauge("chatopsbot.outbox.failing_runs", () => Volatile.Read(ref _failingRuns), "{run}",
            "Runs whose chat delivery gave up (\"delivery failing\"), as this replica last counted them in the database.");
        _inboxReceived = meter.CreateCounter<long>("chatopsbot.inbox.received", "{answer}", "Inbound answers and commands written to the inbox before they were acknowledged.");
    }

    /// <summary>A run was created.</summary>
    public void RunStarted(PlaybookRun run) => _started.Add(1, Channel(run));

    /// <summary>A run was saved: keeps the open-runs gauge current.</summary>
    public void RunSaved(PlaybookRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.State is RunState.Running or RunState.AwaitingAnswer) _openRuns[run.Id] = run.State;
        else _openRuns.TryRemove(run.Id, out _);
    }

    /// <summary>The save that resolved or abandoned <paramref name="run"/> succeeded.</summary>
    public void RunFinished(PlaybookRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.State == RunState.Resolved) _resolved.Add(1, Channel(run));
        else if (run.State == RunState.Abandoned) _abandoned.Add(1, Channel(run));
        else if (run.State == RunState.Inconclusive) _inconclusive.Add(1, Channel(run));
    }

    /// <summary>An answer to a prompt of <paramref name="section"/> was accepted after <paramref name="wait"/>.</summary>
    public void PromptAnswered(PlaybookSection section, TimeSpan wait) =>
        _promptWait.Record(Math.Max(0, wait.TotalSeconds), new KeyValuePair<string, object?>("section", section.ToString()));

    /// <summary>A step of <paramref name="section"/> failed.</summary>
    public void StepFailed(PlaybookSection section) => _stepFailures.Add(1, new KeyValuePair<string, object?>("section", section.ToString()));

    /// <summary>An outbox message reached <paramref name="channel"/>.</summary>
    public void Delivered(string channel) => _delivered.Add(1, new KeyValuePair<string, object?>("channel", channel));

    /// <summary>An attempt to deliver to <paramref name="channel"/> failed; <paramref name="gaveUp"/> when retries stop.</summary>
    public void DeliveryFailed(string channel, bool gaveUp)
    {
        var tag = new KeyValuePair<string, object?>("channel", channel);
        _deliveryFailures.Add(1, tag);
        if (gaveUp) _deliveryGaveUp.Add(1, tag);
    }

    /// <summary>How many runs show "delivery failing" (counted by the outbox worker).</summary>
    public void FailingRuns(int count) => Volatile.Write(ref _failingRuns, count);

    /// <summary>An inbound answer or command was written to the inbox.</summary>
    public void InboxReceived(string channel) => _inboxReceived.Add(1, new KeyValuePair<string, object?>("channel", channel));

    /// <inheritdoc />
    public void Dispose() => _ownedMeter?.Dispose();

    private IEnumerable<Measurement<int>> ObserveOpenRuns()
    {
        int running = 0, awaiting = 0;
        foreach (var state in _openRuns.Values)
        {
            if (state == RunState.Running) running++;
            else awaiting++;
        }
        return
        [
            new Measurement<int>(running, new KeyValuePair<string, object?>("state", nameof(RunState.Running))),
            new Measurement<int>(awaiting, new KeyValuePair<string, object?>("state", nameof(RunState.AwaitingAnswer))),
        ];
    }

    private static KeyValuePair<string, object?> Channel(PlaybookRun run) => new("channel", run.Settings.Channel);
}
