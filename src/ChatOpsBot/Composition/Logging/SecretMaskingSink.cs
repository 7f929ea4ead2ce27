using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace ChatOpsBot.Composition.Logging;

/// <summary>
/// Rewrites each event before <paramref name="inner"/> sees it: properties with secret names become <c>***</c>,
/// and token shapes in property values, the message template and the exception text are masked.
/// </summary>
public sealed class SecretMaskingSink(ILogEventSink inner) : ILogEventSink, IDisposable
{
    private readonly MessageTemplateParser _parser = new();

    /// <inheritdoc />
    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        var template = logEvent.MessageTemplate;
        var maskedText = SecretMasking.MaskText(template.Text);
        if (!ReferenceEquals(maskedText, template.Text) && maskedText != template.Text) template = _parser.Parse(maskedText);
        var exception = logEvent.Exception is { } e ? new MaskedException(e) : null;
        var properties = logEvent.Properties.Select(p => new LogEventProperty(p.Key, MaskProperty(p.Key, p.Value)));
        inner.Emit(new LogEvent(logEvent.Timestamp, logEvent.Level, exception, template, properties, logEvent.TraceId ?? default, logEvent.SpanId ?? default));
    }

    /// <inheritdoc />
    public void Dispose() => (inner as IDisposable)?.Dispose();

    private static LogEventPropertyValue MaskProperty(string name, LogEventPropertyValue value) =>
        SecretMasking.IsSecretName(name) ? new ScalarValue(SecretMasking.Mask) : MaskValue(value);

    private static LogEventPropertyValue MaskValue(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string s } => new ScalarValue(SecretMasking.MaskText(s)),
        ScalarValue { Value: Uri u } => new ScalarValue(SecretMasking.MaskText(u.ToString())),
        StructureValue s => new StructureValue(s.Properties.Select(p => new LogEventProperty(p.Name, MaskProperty(p.Name, p.Value))), s.TypeTag),
        SequenceValue s => new SequenceValue(s.Elements.Select(MaskValue)),
        DictionaryValue d => new DictionaryValue(d.Elements.Select(kv => new KeyValuePair<ScalarValue, LogEventPropertyValue>(
            kv.Key, kv.Key.Value is string k && SecretMasking.IsSecretName(k) ? new ScalarValue(SecretMasking.Mask) : MaskValue(kv.Value)))),
        _ => value,
    };
}
