using System.Globalization;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Runs;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Scheduling;

/// <summary>
/// Starts scheduled hunts. Every replica looks for due occurrences; each occurrence is claimed in the
/// database (an atomic insert keyed on schedule and time), so exactly one replica starts its run.
/// </summary>
public sealed class HuntScheduler(
    IOptions<SchedulerOptions> options, IChannelStateStore claims, PlaybookEngine engine, IRunWorkQueue queue, TimeProvider clock, ILogger<HuntScheduler> logger)
    : BackgroundService
{
    private const string ClaimChannel = "scheduler";
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}";
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
                var key = $"{schedule.Name}:{occurrence.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}";
                if (!await claims.TryAddAsync(ClaimChannel, key, _owner, cancellationToken).ConfigureAwait(false)) continue;
                var run = await engine.StartAsync(new RunSettings
                {
                    Channel = schedule.Channel, ChannelAddress = string.IsNullOrWhiteSpace(schedule.ChannelAddress) ? null : schedule.ChannelAddress,
                    StartedBy = $"schedule:{schedule.Name}", Feed = schedule.Feed ?? "",
                    WindowTo = occurrence, WindowFrom = schedule.Window is { } w ? occurrence - w : default,
                }, cancellationToken).ConfigureAwait(false);
                await claims.SetAsync(ClaimChannel, key, run.Id, cancellationToken).ConfigureAwait(false);
                await queue.EnqueueAdvanceAsync(run.Id, cancellationToken).ConfigureAwait(false);
                logger.LogInformation("Schedule {Schedule}: occurrence {Occurrence} started run {RunId}", schedule.Name, occurrence, run.Id);
                started.Add(run.Id);
            }
        }
        _checkedUpTo = now;
        return started;
    }
}
