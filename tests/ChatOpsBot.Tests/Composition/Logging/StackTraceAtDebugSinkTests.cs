using ChatOpsBot.Composition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Extensions.Logging;

namespace ChatOpsBot.Tests.Composition.Logging;

/// <summary>Expected failures are one line in the operator's log; their stack traces only at Debug.</summary>
public sealed class StackTraceAtDebugSinkTests
{
    [Fact]
    public void Warning_WithException_IsOneLineWithoutStackTrace()
    {
        var text = Log("Information", "ChatOpsBot.Core", LogLevel.Warning);
        Assert.Contains("Feed download failed", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("HttpRequestException", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ResilienceError_IsOneLineWithoutStackTrace() =>
        Assert.DoesNotContain("   at ", Log("Information", "Polly", LogLevel.Error), StringComparison.Ordinal);

    [Fact]
    public void BotError_KeepsItsStackTrace() =>
        Assert.Contains("   at ", Log("Information", "ChatOpsBot.Core", LogLevel.Error), StringComparison.Ordinal);

    [Fact]
    public void AtDebug_WarningKeepsItsStackTrace() =>
        Assert.Contains("   at ", Log("Debug", "ChatOpsBot.Core", LogLevel.Warning), StringComparison.Ordinal);

    private static string Log(string level, string category, LogLevel at)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = level }).Build();
        using var output = new StringWriter();
        using (var serilog = BotLogging.Configure(new LoggerConfiguration(), configuration, output).CreateLogger())
        using (var factory = new SerilogLoggerFactory(serilog))
        {
            Exception thrown;
            try { throw new HttpRequestException("Connection refused (127.0.0.1:9)"); }
            catch (HttpRequestException e) { thrown = e; }
            factory.CreateLogger(category).Log(at, thrown, "Feed download failed");
        }
        return output.ToString();
    }
}
