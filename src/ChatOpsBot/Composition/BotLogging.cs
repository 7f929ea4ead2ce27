using System.Globalization;
using ChatOpsBot.Composition.Logging;
using Serilog;
using Serilog.Configuration;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;
using Serilog.Settings.Configuration;

namespace ChatOpsBot.Composition;

/// <summary>
/// Serilog set-up shared by both modes: configuration-driven levels, text or JSON (<c>Logging:Format</c>), secrets
/// masked, everything on stderr (stdout belongs to the terminal dialogue and the report).
/// </summary>
public static class BotLogging
{
    /// <summary>Configuration key choosing <see cref="LogFormat"/>.</summary>
    public const string FormatKey = "Logging:Format";

    private const string TextTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";

    /// <summary>Configures <paramref name="logger"/> from <paramref name="configuration"/>; <paramref name="output"/> replaces stderr (tests).</summary>
    public static LoggerConfiguration Configure(LoggerConfiguration logger, IConfiguration configuration, TextWriter? output = null)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var format = Format(configuration);
        // A start-up failure the host reports as one line (StartupFailure) would otherwise also be logged, stack and all,
        // by the host itself ("Hosting failed to start"); it stays in the log at Debug, written by the one who reports it.
        var configured = ReadSettings(logger, configuration).Enrich.FromLogContext()
            .Filter.ByExcluding(e => e.Level >= LogEventLevel.Warning && e.Exception is { } x && StartupFailure.Describe(x) is not null);
        var debug = configuration?["Serilog:MinimumLevel:Default"] ?? configuration?["Serilog:MinimumLevel"];
        var keepStacks = string.Equals(debug, "Debug", StringComparison.OrdinalIgnoreCase) || string.Equals(debug, "Verbose", StringComparison.OrdinalIgnoreCase);
        return configured.WriteTo.Sink(LoggerSinkConfiguration.Wrap(
            sink => new SecretMaskingSink(new StackTraceAtDebugSink(sink, keepStacks)), to => WriteTo(to, format, output)));
    }

    /// <summary>
    /// The <c>Serilog</c> section. Sinks, enrichers and filters it names are found by scanning the application's
    /// dependencies for Serilog assemblies (reading the whole deps.json and loading each); levels and properties need
    /// none of them, so a section that only sets those (the shipped one) is read without the scan, which a terminal
    /// verb would otherwise pay at every start (issue 18).
    /// </summary>
    private static LoggerConfiguration ReadSettings(LoggerConfiguration logger, IConfiguration configuration)
    {
        var namesExtensions = configuration.GetSection("Serilog").GetChildren()
            .Any(c => c.Key is not ("MinimumLevel" or "Properties" or "LevelSwitches"));
        return namesExtensions
            ? logger.ReadFrom.Configuration(configuration)
            : logger.ReadFrom.Configuration(configuration, new ConfigurationReaderOptions(typeof(Log).Assembly));
    }

    /// <summary>The configured format; Text when unset.</summary>
    public static LogFormat Format(IConfiguration configuration)
    {
        var value = configuration?[FormatKey];
        if (string.IsNullOrWhiteSpace(value)) return LogFormat.Text;
        return Enum.TryParse<LogFormat>(value, ignoreCase: true, out var format) && Enum.IsDefined(format)
            ? format
            : throw new BadConfigurationException($"{FormatKey} must be Text or Json, not '{value}'.");
    }

    private static void WriteTo(LoggerSinkConfiguration to, LogFormat format, TextWriter? output)
    {
        ITextFormatter formatter = format == LogFormat.Json
            ? new CompactJsonFormatter()
            : new MessageTemplateTextFormatter(TextTemplate, CultureInfo.InvariantCulture);
        if (output is not null) to.Sink(new TextWriterSink(output, formatter));
        else if (format == LogFormat.Json) to.Console(formatter, standardErrorFromLevel: LogEventLevel.Verbose);
        else to.Console(standardErrorFromLevel: LogEventLevel.Verbose, formatProvider: CultureInfo.InvariantCulture);
    }
}
