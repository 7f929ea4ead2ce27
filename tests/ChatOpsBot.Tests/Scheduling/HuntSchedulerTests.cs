using ChatOpsBot.Core.Runs;
using ChatOpsBot.Scheduling;
using ChatOpsBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Tests.Scheduling;

public sealed class HuntSchedulerTests
{
    private static CancellationToken Ct => CancellationToken.None;

    private static Dictionary<string, string?> Schedule(string cron, string zone = "UTC") => new()
    {
        ["Scheduler:Schedules:0:Name"] = "daily",
        ["Scheduler:Schedules:0:Cron"] = cron,
        ["Scheduler:Schedules:0:TimeZone"] = zone,
        ["Scheduler:Schedules:0:Channel"] = "terminal",
    };

    [Fact]
    public async Task An_occurrence_fires_once_across_two_replicas_on_one_database()
    {
        await using var db = await TestDatabase.CreateAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 10, 2, 0, TimeSpan.Zero));
        await using var replicaA = await BotServicesFixture.CreateAsync(db.ConnectionString, time, Schedule("*/5 * * * *"));
        await using var replicaB = await BotServicesFixture.CreateAsync(db.ConnectionString, time, Schedule("*/5 * * * *"));
        var a = replicaA.Get<HuntScheduler>();
        var b = replicaB.Get<HuntScheduler>();

        var first = await Task.WhenAll(a.TickAsync(Ct), b.TickAsync(Ct));
        time.Advance(TimeSpan.FromMinutes(1));
        var idle = await Task.WhenAll(a.TickAsync(Ct), b.TickAsync(Ct));
        time.Advance(TimeSpan.FromMinutes(3)); // 10:06: the 10:05 occurrence is due
        var second = await Task.WhenAll(b.TickAsync(Ct), a.TickAsync(Ct));

        Assert.Single(first.SelectMany(r => r));
        Assert.Empty(idle.SelectMany(r => r));
        Assert.Single(second.SelectMany(r => r));
        var runs = await replicaA.Get<IRunStore>().ListAsync(10, Ct);
        Assert.Equal(2, runs.Count);
        var windows = new List<DateTimeOffset>();
        foreach (var r in runs) windows.Add((await replicaB.Get<IRunStore>().FindAsync(r.Id, Ct))!.Settings.WindowTo);
        Assert.Equal([new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 28, 10, 5, 0, TimeSpan.Zero)], windows.Order().ToArray());
    }

    [Fact]
    public async Task A_restart_after_downtime_fires_only_the_latest_missed_occurrence()
    {
        await using var db = await TestDatabase.CreateAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 10, 14, 0, TimeSpan.Zero));
        await using var replica = await BotServicesFixture.CreateAsync(db.ConnectionString, time, Schedule("*/5 * * * *"));

        var started = await replica.Get<HuntScheduler>().TickAsync(Ct); // 10:00, 10:05, 10:10 are within the 15 min catch-up

        var run = await replica.Get<IRunStore>().FindAsync(Assert.Single(started), Ct);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 10, 10, 0, TimeSpan.Zero), run!.Settings.WindowTo);
        Assert.Equal("schedule:daily", run.Settings.StartedBy);
        Assert.Equal(TimeSpan.FromHours(24), run.Settings.WindowTo - run.Settings.WindowFrom);
    }

    [Fact]
    public async Task The_cron_is_read_in_the_schedule_time_zone()
    {
        await using var db = await TestDatabase.CreateAsync();
        // 07:00 in Berlin in November (CET, UTC+1) is 06:00 UTC.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 5, 59, 0, TimeSpan.Zero));
        await using var replica = await BotServicesFixture.CreateAsync(db.ConnectionString, time, Schedule("0 7 * * *", "Europe/Berlin"));
        var scheduler = replica.Get<HuntScheduler>();

        Assert.Empty(await scheduler.TickAsync(Ct));
        time.Advance(TimeSpan.FromMinutes(2));
        var started = await scheduler.TickAsync(Ct);

        var run = await replica.Get<IRunStore>().FindAsync(Assert.Single(started), Ct);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 6, 0, 0, TimeSpan.Zero), run!.Settings.WindowTo);
    }

    [Fact]
    public async Task A_run_created_by_a_replica_that_died_before_queueing_it_is_queued_by_the_next_tick()
    {
        await using var db = await TestDatabase.CreateAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 10, 2, 0, TimeSpan.Zero));
        await using var replica = await BotServicesFixture.CreateAsync(db.ConnectionString, time, Schedule("*/5 * * * *"));
        var occurrence = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
        var runId = HuntScheduler.RunIdFor("daily", occurrence);
        // The dead replica got as far as creating the run.
        await replica.Get<ChatOpsBot.Core.Playbook.Engine.PlaybookEngine>().StartAsync(new RunSettings { Channel = "terminal", WindowTo = occurrence }, runId, Ct);

        var started = await replica.Get<HuntScheduler>().TickAsync(Ct);

        Assert.Empty(started);
        Assert.Single(await replica.Get<IRunStore>().ListAsync(10, Ct));
        var queued = await replica.Get<ChatOpsBot.Storage.WorkQueue.DbWorkQueue>().ClaimAsync("test", TimeSpan.FromMinutes(1), Ct);
        Assert.Equal(runId, queued!.RunId);
    }

    [Fact]
    public void RunIdFor_is_the_same_on_every_replica_and_differs_per_schedule()
    {
        var at = new DateTimeOffset(2026, 11, 28, 7, 0, 0, TimeSpan.Zero);

        Assert.Equal(HuntScheduler.RunIdFor("daily", at), HuntScheduler.RunIdFor("daily", at));
        Assert.NotEqual(HuntScheduler.RunIdFor("daily", at), HuntScheduler.RunIdFor("nightly", at));
        Assert.NotEqual(HuntScheduler.RunIdFor("daily", at), HuntScheduler.RunIdFor("daily", at.AddDays(1)));
        Assert.StartsWith("r-20261128-070000-s", HuntScheduler.RunIdFor("daily", at), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Scheduler:Schedules:0:Cron", "every morning", "Scheduler:Schedules:0:Cron")]
    [InlineData("Scheduler:Schedules:0:TimeZone", "Mars/Olympus", "Scheduler:Schedules:0:TimeZone")]
    [InlineData("Scheduler:Schedules:0:Channel", "pager", "Scheduler:Schedules:0:Channel")]
    public void Bad_schedules_are_refused_naming_the_key(string key, string value, string named)
    {
        var options = new SchedulerOptions
        {
            Schedules = [new HuntSchedule { Name = "daily", Cron = "0 7 * * *", TimeZone = "UTC", Channel = "slack" }],
        };
        var schedule = options.Schedules[0];
        switch (key.Split(':')[^1])
        {
            case "Cron": schedule.Cron = value; break;
            case "TimeZone": schedule.TimeZone = value; break;
            case "Channel": schedule.Channel = value; break;
        }

        var result = new SchedulerOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(named, result.FailureMessage, StringComparison.Ordinal);
    }
}
