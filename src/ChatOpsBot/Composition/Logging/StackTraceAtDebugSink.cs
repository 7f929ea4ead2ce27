using Serilog.Core;
using Serilog.Events;

namespace ChatOpsBot.Composition.Logging;

/// <summary>
/// Keeps stack traces of expected failures out of the operator's terminal: a warning (a retried request, a step that
/// failed and is offered Retry) is written without its exception's stack trace unless the log is at Debug or below,
/// where everything is kept. Errors always keep theirs (they are the bot's own bugs), except the resilience pipeline's last-attempt errors.
/// </summary>
public sealed class StackTraceAtDebugSink(ILogEventSink inner, bool debug) : ILogEventSink, IDisposable
{
    /// <inheritdoc />
    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        if (debug || logEvent.Exception is null || (logEvent.Level >= LogEventLevel.Error && !FromResilience(logEvent)))
        {
            inner.Emit(logEvent);
            return;
        }
        var properties = logEvent.Properties.Select(p => new LogEventProperty(p.Key, p.Value)).ToList();
        inner.Emit(new LogEvent(logEvent.Timestamp, logEvent.Level, null, logEvent.MessageTemplate, properties, logEvent.TraceId ?? default, logEvent.SpanId ?? default));
    }

    // Polly reports a connector's last failed attempt at Error: an outside system failing, which the step's own
    // failure handling reports in one line.
    private static bool FromResilience(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("SourceContext", out var source) && source is ScalarValue { Value: string s }
        && (s == "Polly" || s.StartsWith("Polly.", StringComparison.Ordinal));

    /// <inheritdoc />
    public void Dispose() => (inner as IDisposable)?.Dispose();
}
