using System.Diagnostics;
using System.Diagnostics.Metrics;
using ChatOpsBot.Core.Playbook.Engine;

namespace ChatOpsBot.Observability;

/// <summary>Latency and errors of every port call the playbook makes, tagged by port, connector, operation and outcome.</summary>
public sealed class ConnectorMetrics
{
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _errors;

    /// <summary>Creates the instruments on the shared ChatOpsBot meter.</summary>
    public ConnectorMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(PlaybookMetrics.MeterName);
        _duration = meter.CreateHistogram("chatopsbot.connector.call.duration", "s", "Duration of one call to an external system (port).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });
        _errors = meter.CreateCounter<long>("chatopsbot.connector.errors", "{error}", "Calls to an external system (port) that threw.");
    }

    /// <summary>Times <paramref name="call"/> and counts it as an error when it throws (cancellation is its own outcome).</summary>
    public async Task<T> MeasureAsync<T>(string port, object connector, string operation, Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var started = Stopwatch.GetTimestamp();
        var outcome = "error";
        try
        {
            var result = await call().ConfigureAwait(false);
            outcome = "success";
            return result;
        }
        catch (OperationCanceledException)
        {
            outcome = "cancelled";
            throw;
        }
        catch (Exception e)
        {
            var tags = Tags(port, connector, operation, outcome);
            tags.Add("error.type", e.GetType().Name);
            _errors.Add(1, tags);
            throw;
        }
        finally
        {
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, Tags(port, connector, operation, outcome));
        }
    }

    /// <summary>As <see cref="MeasureAsync{T}"/> for calls without a result.</summary>
    public Task MeasureAsync(string port, object connector, string operation, Func<Task> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return MeasureAsync(port, connector, operation, async () =>
        {
            await call().ConfigureAwait(false);
            return true;
        });
    }

    private static TagList Tags(string port, object connector, string operation, string outcome) => new()
    {
        { "port", port }, { "connector", connector.GetType().Name }, { "operation", operation }, { "outcome", outcome },
    };
}
