using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics.Metrics;
using ChatOpsBot.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Tests.Workers;

/// <summary>Background loops that cannot die silently: database errors, unexpected errors, and what readiness makes of them.</summary>
public sealed class SupervisedWorkerTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly RecordingLogger _log = new();

    public void Dispose() => _services.Dispose();

    private WorkerRuntime Runtime(TimeProvider clock, WorkerOptions? options = null) => new(
        new WorkerHealth(clock, Options.Create(options ?? Fast)), new WorkerMetrics(_services.GetRequiredService<IMeterFactory>()),
        Options.Create(options ?? Fast), clock);

    private static WorkerOptions Fast => new() { MaxBackoff = TimeSpan.FromMilliseconds(500), DatabaseUnreachableAfter = TimeSpan.FromSeconds(1) };

    [Fact]
    public async Task A_loop_whose_database_calls_fail_keeps_going_logs_once_and_readiness_fails_only_past_the_threshold()
    {
        var runtime = Runtime(TimeProvider.System);
        using var worker = new ScriptedWorker(runtime, _log) { DatabaseDown = true };
        using var stop = new CancellationTokenSource();
        await worker.StartAsync(stop.Token);

        await WaitAsync(() => worker.Iterations >= 1);
        var early = runtime.Health.Report();
        await WaitAsync(() => worker.Iterations >= 3);
        await Task.Delay(1100);
        var (healthy, message) = runtime.Health.Report();
        worker.DatabaseDown = false;
        var before = worker.Iterations;
        await WaitAsync(() => worker.Iterations > before + 2);
        var recovered = runtime.Health.Report();
        await stop.CancelAsync();
        await worker.StopAsync(CancellationToken.None);

        Assert.Single(_log.Entries, e => e.Contains("a database call failed", StringComparison.Ordinal));
        Assert.Single(_log.Entries, e => e.Contains("answers again", StringComparison.Ordinal));
        Assert.True(early.Healthy, early.Message);
        Assert.False(healthy);
        Assert.Contains("database unreachable", message, StringComparison.Ordinal);
        Assert.True(recovered.Healthy, recovered.Message);
        Assert.Contains("test 1/1 alive", recovered.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unexpected_error_that_escapes_a_loop_restarts_it_and_is_counted()
    {
        var restarts = new ConcurrentBag<string>();
        var factory = _services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (i, l) => { if (i.Meter.Scope == factory && i.Name == "chatopsbot.worker.restarts") l.EnableMeasurementEvents(i); };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) => { foreach (var t in tags) if (t.Key == "worker") restarts.Add((string)t.Value!); });
        listener.Start();
        var runtime = Runtime(TimeProvider.System);
        using var worker = new ScriptedWorker(runtime, _log) { Bugs = 2 };
        using var stop = new CancellationTokenSource();

        await worker.StartAsync(stop.Token);
        await WaitAsync(() => worker.Iterations >= 5);
        var report = runtime.Health.Report();
        await stop.CancelAsync();
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(["test#1", "test#1"], restarts);
        Assert.Equal(2, _log.Entries.Count(e => e.Contains("stopped on an unexpected error", StringComparison.Ordinal)));
        Assert.True(report.Healthy, report.Message);
    }

    [Fact]
    public void Readiness_fails_when_no_loop_of_a_kind_is_alive_or_one_stops_reporting()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var health = new WorkerHealth(clock, Options.Create(new WorkerOptions { StallAfter = TimeSpan.FromMinutes(2) }));
        var one = health.Register("run-queue", "run-queue#1");
        var two = health.Register("run-queue", "run-queue#2");
        one.SetRunning(true);
        two.SetRunning(true);

        Assert.True(health.Report().Healthy);
        clock.Advance(TimeSpan.FromMinutes(3));
        one.Beat();
        var oneStalled = health.Report();
        one.SetRunning(false);
        var noneAlive = health.Report();

        Assert.True(oneStalled.Healthy, oneStalled.Message);
        Assert.Contains("stalled: run-queue#2", oneStalled.Message, StringComparison.Ordinal);
        Assert.False(noneAlive.Healthy);
        Assert.Contains("run-queue 0/2 alive", noneAlive.Message, StringComparison.Ordinal);
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the worker did not get there");
            await Task.Delay(10);
        }
    }

    private sealed class ScriptedWorker(WorkerRuntime runtime, ILogger logger) : SupervisedWorker("test", runtime, logger)
    {
        private int _iterations;

        public volatile bool DatabaseDown;
        public int Bugs;
        public int Iterations => Volatile.Read(ref _iterations);

        protected override int Loops => 1;

        protected override Task<TimeSpan> IterateAsync(WorkerHandle handle, CancellationToken stoppingToken)
        {
            Interlocked.Increment(ref _iterations);
            if (DatabaseDown) throw new FakeDbException();
            if (Bugs > 0)
            {
                Bugs--;
                throw new InvalidOperationException("a bug");
            }
            return Task.FromResult(TimeSpan.FromMilliseconds(5));
        }
    }

    private sealed class FakeDbException() : DbException("connection refused");

    private sealed class RecordingLogger : ILogger
    {
        public ConcurrentQueue<string> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) Entries.Enqueue(formatter(state, exception));
        }
    }
}
