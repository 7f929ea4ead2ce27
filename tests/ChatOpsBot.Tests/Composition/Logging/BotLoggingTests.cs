using System.Text.Json;
using ChatOpsBot.Composition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Extensions.Logging;

namespace ChatOpsBot.Tests.Composition.Logging;

/// <summary>The configured Serilog pipeline: format switch, run ids from logging scopes, secrets masked.</summary>
public sealed class BotLoggingTests
{
    private const string SlackToken = "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx";
    private const string AppToken = "xapp-1-A0123456789-1234567890123-abcdef0123456789";
    private const string BearerToken = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib3QifQ.c2lnbmF0dXJl";
    private const string DbPassword = "S3cr3t-Pa55";

    [Fact]
    public void Json_WritesOneJsonObjectPerLine_WithRunIdFromScope()
    {
        var lines = Log("Json", logger =>
        {
            using (logger.BeginScope(new Dictionary<string, object> { ["RunId"] = "r-20261128-000000-abcd" }))
            {
                logger.LogInformation("Hunt section queried {Indicators} indicators", 42);
                logger.LogWarning("Step retried");
            }
        });

        Assert.Equal(2, lines.Length);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            Assert.Equal("r-20261128-000000-abcd", json.RootElement.GetProperty("RunId").GetString());
            Assert.True(json.RootElement.TryGetProperty("@t", out _));
        }
    }

    [Fact]
    public void Text_IsTheDefault_AndWritesPlainLines()
    {
        var lines = Log(null, logger => logger.LogInformation("Run {RunId} resolved", "r-1"));

        var line = Assert.Single(lines);
        Assert.Contains("INF] Run r-1 resolved", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Text")]
    [InlineData("Json")]
    public void Secrets_InPropertiesMessagesAndExceptions_AreMasked(string format)
    {
        var output = string.Join('\n', Log(format, logger =>
        {
            logger.LogInformation("Posting with token {SlackToken} as {User}", SlackToken, "bot");
            logger.LogInformation("Socket Mode opened with {Url}", $"wss://example.invalid/link?ticket={AppToken}");
            logger.LogInformation("Request header {Header}", $"Authorization: Bearer {BearerToken}");
            logger.LogInformation("Database {ConnectionString}", $"Host=db;Database=bot;Username=bot;Password={DbPassword};");
            logger.LogInformation("Settings {@Settings}", new { Host = "db", Password = DbPassword, ApiKey = "k-123456" });
#pragma warning disable CA2254 // the point is a message that was built with a secret in it
            logger.LogWarning("Interpolated " + SlackToken + " header Bearer " + BearerToken);
#pragma warning restore CA2254
            logger.LogError(new InvalidOperationException($"Slack said invalid_auth for {SlackToken} (Password={DbPassword};)"), "Posting failed");
        }));

        Assert.DoesNotContain(SlackToken, output, StringComparison.Ordinal);
        Assert.DoesNotContain("xoxb-", output, StringComparison.Ordinal);
        Assert.DoesNotContain(AppToken, output, StringComparison.Ordinal);
        Assert.DoesNotContain(BearerToken, output, StringComparison.Ordinal);
        Assert.DoesNotContain(DbPassword, output, StringComparison.Ordinal);
        Assert.DoesNotContain("k-123456", output, StringComparison.Ordinal);
        Assert.Contains("***", output, StringComparison.Ordinal);
        Assert.Contains("Host=db;Database=bot", output, StringComparison.Ordinal);
        Assert.Contains("invalid_auth", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_Unknown_Throws()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:Format"] = "Yaml" }).Build();

        Assert.Throws<BadConfigurationException>(() => BotLogging.Format(configuration));
    }

    [Fact]
    public void Levels_FromTheSerilogSection_StillApplyWithoutSinksNamed()
    {
        var lines = Log(new() { ["Serilog:MinimumLevel:Default"] = "Information", ["Serilog:MinimumLevel:Override:Noisy"] = "Error" }, factory =>
        {
            factory.CreateLogger("Noisy.Component").LogWarning("dropped");
            factory.CreateLogger("ChatOpsBot.Tests").LogInformation("kept");
        });

        Assert.Contains("INF] kept", Assert.Single(lines), StringComparison.Ordinal);
    }

    [Fact]
    public void SinkNamedInTheSerilogSection_IsFoundInTheShippedAssemblies()
    {
        var path = Path.Combine(Path.GetTempPath(), $"chatopsbot-log-{Guid.NewGuid():N}.txt");
        try
        {
            Log(new() { ["Serilog:WriteTo:0:Name"] = "File", ["Serilog:WriteTo:0:Args:path"] = path }, factory =>
                factory.CreateLogger("ChatOpsBot.Tests").LogInformation("to the configured file"));

            Assert.Contains("to the configured file", File.ReadAllText(path), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string[] Log(Dictionary<string, string?> settings, Action<SerilogLoggerFactory> write)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var output = new StringWriter();
        using (var serilog = BotLogging.Configure(new LoggerConfiguration(), configuration, output).CreateLogger())
        using (var factory = new SerilogLoggerFactory(serilog))
        {
            write(factory);
        }
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static string[] Log(string? format, Action<Microsoft.Extensions.Logging.ILogger> write)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:Format"] = format }).Build();
        using var output = new StringWriter();
        using (var serilog = BotLogging.Configure(new LoggerConfiguration(), configuration, output).CreateLogger())
        using (var factory = new SerilogLoggerFactory(serilog))
        {
            write(factory.CreateLogger("ChatOpsBot.Tests"));
        }
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
