using ChatOpsBot.Composition;
using ChatOpsBot.Scheduling;
using ChatOpsBot.Slack;
using ChatOpsBot.Teams;
using ChatOpsBot.Workers;
using Microsoft.Extensions.Options;
using ChatOpsBot.Observability;
using Serilog;

namespace ChatOpsBot.Web;

/// <summary>The web service: the same playbook behind HTTP endpoints (health now; Slack and Teams plug in here).</summary>
public static class WebHost
{
    /// <summary>Builds the web application.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = RepositoryPaths.ContentRoot() });
        builder.Services.AddSerilog((_, logger) => BotLogging.Configure(logger, builder.Configuration));
        builder.Services.AddChatOpsBot(builder.Configuration);
        builder.Services.AddWorkers(builder.Configuration);
        builder.Services.AddScheduling(builder.Configuration);
        builder.Services.AddBotObservability(builder.Configuration);
        configure?.Invoke(builder);
        // Channels are switched on by their own configuration; the embedded defaults stay behind them.
        var slack = SlackOptions.IsConfigured(builder.Configuration);
        if (slack) builder.Services.AddSlack(builder.Configuration);
        var teams = !string.IsNullOrWhiteSpace(builder.Configuration["Teams:AppId"]);
        if (teams) builder.Services.AddTeams(builder.Configuration);
        var app = builder.Build();
        app.UseBotRequestLogging();
        app.MapGet("/healthz/live", () => Results.Ok(new { status = "live" }));
        if (slack) app.MapSlack();
        if (teams) app.MapTeams();
        app.MapReadiness();
        app.MapBotMetrics();
        return app;
    }

    /// <summary>Runs the service until stopped; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        WebApplication app;
        try
        {
            app = Build(args);
        }
        catch (BadConfigurationException e)
        {
            await Console.Error.WriteLineAsync($"Configuration error: {e.Message}").ConfigureAwait(false);
            return 2;
        }
        if (StartupConfigurationCheck.Problems(app.Services) is { } problems)
        {
            await Console.Error.WriteLineAsync(problems).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            return 2;
        }
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
