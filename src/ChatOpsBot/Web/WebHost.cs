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
        // SIGTERM (a rolling update, `docker stop`) ends the service within 5 s: work is persisted after every step and
        // leased work is picked up by another replica, so waiting out the default 30 s gains nothing.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(4));
        // The service says itself when it has started and when it stops (RunAsync): the console lifetime would also say
        // "shutting down" after a start that failed, a second line under the one-line reason.
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.AddChatOpsBot(builder.Configuration);
        builder.Services.AddWorkers(builder.Configuration);
        builder.Services.AddOptions<ReadinessOptions>().Bind(builder.Configuration.GetSection(ReadinessOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ReadinessChecks>();
        builder.Services.AddScheduling(builder.Configuration);
        builder.Services.AddBotObservability(builder.Configuration);
        configure?.Invoke(builder);
        // Channels are switched on by their own configuration; the embedded defaults stay behind them.
        var slack = ChatChannelSwitches.Slack(builder.Configuration);
        if (slack) builder.Services.AddSlack(builder.Configuration);
        var teams = ChatChannelSwitches.Teams(builder.Configuration);
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
        catch (Exception e) when (StartupFailure.Describe(e) is { } line)
        {
            await Console.Error.WriteLineAsync(line).ConfigureAwait(false);
            return 2;
        }
        if (StartupConfigurationCheck.Problems(app.Services) is { } problems)
        {
            await Console.Error.WriteLineAsync(problems).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            return 2;
        }
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (StartupFailure.Describe(e) is { } line)
        {
            app.Logger.LogDebug(e, "Start failed: {Reason}", line);
            await Console.Error.WriteLineAsync(line).ConfigureAwait(false);
            // Stop before disposing: the workers that did start are then cancelled as a stop, not reported by the host
            // as background services that failed (an error with a stack trace under the one line). Bounded like a stop.
            using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
            {
                try { await app.StopAsync(stopping.Token).ConfigureAwait(false); }
                catch (OperationCanceledException) { }
            }
            await app.DisposeAsync().ConfigureAwait(false);
            return 2;
        }
        app.Logger.LogInformation("ChatOpsBot is serving ({Environment}); SIGTERM or Ctrl+C stops it", app.Environment.EnvironmentName);
        app.Lifetime.ApplicationStopping.Register(() => app.Logger.LogInformation("Stopping: in-flight work is saved, leased work is left to other replicas"));
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
