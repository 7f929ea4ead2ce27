using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace ChatOpsBot.Composition.Logging;

/// <summary>Writes formatted events to a <see cref="TextWriter"/> (tests and tools that capture the log).</summary>
internal sealed class TextWriterSink(TextWriter writer, ITextFormatter formatter) : ILogEventSink
{
    private readonly Lock _gate = new();

    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            formatter.Format(logEvent, writer);
            writer.Flush();
        }
    }
}
