using System.Diagnostics.Metrics;
using ChatOpsBot.Observability;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Tests.Web;

/// <summary>Port-call measurement: outcome tags and the error counter.</summary>
public sealed class ConnectorMetricsTests
{
    [Fact]
    public async Task MeasureAsync_CallThrows_RecordsErrorOutcomeAndErrorType()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        var metrics = new ConnectorMetrics(factory);
        var seen = new List<(string Instrument, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (i, l) => { if (i.Meter.Scope == factory) l.EnableMeasurementEvents(i); };
        listener.SetMeasurementEventCallback<double>((i, _, tags, _) => seen.Add((i.Name, Dict(tags))));
        listener.SetMeasurementEventCallback<long>((i, _, tags, _) => seen.Add((i.Name, Dict(tags))));
        listener.Start();

        await Assert.ThrowsAsync<TimeoutException>(() => metrics.MeasureAsync("siem", this, "query", () => Task.FromException<int>(new TimeoutException())));
        await metrics.MeasureAsync("siem", this, "query", () => Task.FromResult(1));

        var errors = Assert.Single(seen, s => s.Instrument == "chatopsbot.connector.errors");
        Assert.Equal("TimeoutException", errors.Tags["error.type"]);
        Assert.Equal(nameof(ConnectorMetricsTests), errors.Tags["connector"]);
        var outcomes = seen.Where(s => s.Instrument == "chatopsbot.connector.call.duration").Select(s => s.Tags["outcome"]).ToList();
        Assert.Equal(["error", "success"], outcomes);
    }

    private static Dictionary<string, object?> Dict(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var d = new Dictionary<string, object?>();
        foreach (var t in tags) d[t.Key] = t.Value;
        return d;
    }
}
