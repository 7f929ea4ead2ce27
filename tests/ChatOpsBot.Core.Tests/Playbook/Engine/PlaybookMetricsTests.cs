using System.Diagnostics.Metrics;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Core.Tests.Playbook.Engine;

public sealed class PlaybookMetricsTests
{
    [Fact]
    public void OpenRunsGauge_FollowsSaves_AndFinishedRunsAreCountedByChannel()
    {
        using var factory = new OwnMeterFactory();
        using var metrics = new PlaybookMetrics(factory);
        var longs = new List<(string Name, long Value, string? Tag)>();
        var ints = new List<(string Name, int Value, string? Tag)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (i, l) => { if (factory.Created.Contains(i.Meter)) l.EnableMeasurementEvents(i); };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => longs.Add((i.Name, v, tags.Length > 0 ? tags[0].Value as string : null)));
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => ints.Add((i.Name, v, tags.Length > 0 ? tags[0].Value as string : null)));
        listener.Start();
        var a = new PlaybookRun { Id = "a", State = RunState.AwaitingAnswer, Settings = new RunSettings { Channel = "slack" } };
        var b = new PlaybookRun { Id = "b", State = RunState.Running, Settings = new RunSettings { Channel = "teams" } };

        metrics.RunSaved(a);
        metrics.RunSaved(b);
        b.State = RunState.Resolved;
        metrics.RunSaved(b);
        metrics.RunFinished(b);
        metrics.StepFailed(PlaybookSection.Hunt);
        listener.RecordObservableInstruments();

        Assert.Contains(("chatopsbot.runs.resolved", 1L, "teams"), longs);
        Assert.Contains(("chatopsbot.section.step.failures", 1L, "Hunt"), longs);
        Assert.Contains(("chatopsbot.runs.open", 1, "AwaitingAnswer"), ints);
        Assert.Contains(("chatopsbot.runs.open", 0, "Running"), ints);
    }

    // Other tests run engines in parallel on meters of the same name; listening to this factory's meters only keeps them apart.
    private sealed class OwnMeterFactory : IMeterFactory
    {
        public List<Meter> Created { get; } = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            Created.Add(meter);
            return meter;
        }

        public void Dispose() => Created.ForEach(m => m.Dispose());
    }
}
