using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Terminal;
using Serilog;

namespace ChatOpsBot.Composition;

/// <summary>Builds the generic host used by the terminal verbs (no web server).</summary>
public static class TerminalHost
{
    /// <summary>The host's switch for reloading appsettings*.json when they change.</summary>
    internal const string ReloadConfigOnChangeKey = "hostBuilder:reloadConfigOnChange";

    /// <summary>A host with the bot's services, the terminal channel and <paramref name="overrides"/> applied last; <paramref name="configure"/> adds a verb's own services.</summary>
    public static IHost Build(IReadOnlyDictionary<string, string?> overrides, TerminalConsole console, Action<IServiceCollection, IConfiguration>? configure = null)
    {
        // A terminal verb lives for seconds: watching appsettings*.json for changes would only cost start-up time
        // (a recursive inotify watch over the content root, which is the repository when run from it).
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection([new(ReloadConfigOnChangeKey, "false")]);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = RepositoryPaths.ContentRoot(), Configuration = configuration,
        });
        builder.Configuration.AddInMemoryCollection(overrides);
        // "Application started. Press Ctrl+C to shut down." and the like are for services; stderr stays for what went wrong.
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.AddSerilog((_, logger) => BotLogging.Configure(logger, builder.Configuration));
        builder.Services.AddChatOpsBot(builder.Configuration);
        builder.Services.AddSingleton<IHostLifetime, TerminalHostLifetime>();
        builder.Services.AddSingleton(console);
        builder.Services.AddSingleton<IChatChannel, TerminalChannel>();
        builder.Services.AddSingleton<TerminalRunClaims>();
        builder.Services.AddSingleton<TerminalSession>();
        builder.Services.AddSingleton<RunArtifacts>();
        builder.Services.AddSingleton<RunExporter>();
        configure?.Invoke(builder.Services, builder.Configuration);
        return builder.Build();
    }
}
