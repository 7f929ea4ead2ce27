using System.Globalization;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Runs;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Scheduling;

/// <summary>
/// Starts scheduled hunts. Every replica looks for due occurrences; the run of an occurrence has an id derived
/// from the schedule and the time, so the database lets exactly one replica create it. A replica that died
/// between creating the run and queueing it is covered by the next tick, which queues the unstarted run.
/// </summary>
public sealed class HuntScheduler(
    IOptions<SchedulerOptions> options, IRunStore runs, PlaybookEngine engine, IRunWorkQueue queue, TimeProvider clock, ILogger<HuntScheduler> logger)
    : BackgroundService
{
    private DateTimeOffset? _checkedUpTo;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Schedules.Count == 0) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TickAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Scheduler tick failed; retrying at the next poll");
            }
            await Task.Delay(options.Value.PollInterval, clock, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>The id of the run of <paramref name="schedule"/>'s occurrence at <paramref name="occurrence"/>: the same on every replica.</summary>
    public static string RunIdFor(string schedule, DateTimeOffset occurrence)
    {
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(schedule.ToUpperInvariant())));
        return $"r-{occurrence.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-s{hash[..8]}";
    }

    /// <summary>Starts the run of every occurrence due since the last tick (or within the catch-up window); returns the runs this replica started.</summary>
    public async Task<IReadOnlyList<string>> TickAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var from = _checkedUpTo ?? now - options.Value.CatchUp;
        var started = new List<string>();
        foreach (var schedule in options.Value.Schedules)
        {
            var cron = SchedulerOptionsValidator.TryParse(schedule.Cron)!;
            var zone = SchedulerOptionsValidator.TryZone(schedule.TimeZone)!;
            // Only the latest due occurrence fires: after downtime a daily hunt runs once, not once per missed day.
            var due = cron.GetOccurrences(from, now, zone, fromInclusive: _checkedUpTo is null, toInclusive: true).ToList();
            foreach (var occurrence in due.TakeLast(1))
            {
                var runId = RunIdFor(schedule.Name, occurrence);
                try
                {
                    await engine.StartAsync(new RunSettings
                    {
                        Channel = schedule.Channel, ChannelAddress = string.IsNullOrWhiteSpace(schedule.ChannelAddress) ? null : schedule.ChannelAddress,
                        StartedBy = $"schedule:{schedule.Name}", Feed = schedule.Feed ?? "",
                        WindowTo = occurrence, WindowFrom = schedule.Window is { } w ? occurrence - w : default,
                    }, runId, cancellationToken).ConfigureAwait(false);
                    started.Add(runId);
                    logger.LogInformation("Schedule {Schedule}: occurrence {Occurrence} started run {RunId}", schedule.Name, occurrence, runId);
                }
                catch (RunAlreadyExistsException)
                {
                    // Another replica (or an earlier tick) created it; queue it only if nobody ever advanced it.
                    var existing = await runs.FindAsync(runId, cancellationToken).ConfigureAwait(false);
                    if (existing is not { State: RunState.Running, Hunt.State: "NotStarted" }) continue;
                }
                await queue.EnqueueAdvanceAsync(runId, cancellationToken).ConfigureAwait(false);
            }
        }
        _checkedUpTo = now;
        return started;
    }
}
