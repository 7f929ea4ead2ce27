using ChatOpsBot.Composition;
using ChatOpsBot.Core.Playbook.Engine;
using Microsoft.Extensions.Options;
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
        builder.Services.AddSingleton<BackgroundRunWorker>();
        builder.Services.AddSingleton<IRunWorkQueue>(sp => sp.GetRequiredService<BackgroundRunWorker>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BackgroundRunWorker>());
        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseSerilogRequestLogging();
        app.MapGet("/healthz/live", () => Results.Ok(new { status = "live" }));
        app.MapReadiness();
        return app;
    }

    /// <summary>Runs the service until stopped; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        WebApplication app;
        try
        {
            app = Build(args);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"Configuration error: {string.Join(" ", e.Failures)}").ConfigureAwait(false);
            return 2;
        }
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
