using Serilog;
using Serilog.Events;

namespace ChatOpsBot.Composition;

/// <summary>Serilog set-up shared by both modes: configuration-driven levels, everything on stderr (stdout belongs to the terminal dialogue and the report).</summary>
public static class BotLogging
{
    /// <summary>Configures <paramref name="logger"/> from <paramref name="configuration"/>.</summary>
    public static LoggerConfiguration Configure(LoggerConfiguration logger, IConfiguration configuration) =>
        logger.ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
}
