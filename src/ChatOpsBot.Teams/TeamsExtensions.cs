using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Health;
using ChatOpsBot.Teams.Activities;
using ChatOpsBot.Teams.Auth;
using ChatOpsBot.Teams.Channel;
using ChatOpsBot.Teams.Connector;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Teams;

/// <summary>Registration of the Teams channel (<see cref="AddTeams"/>) and its endpoints (<see cref="MapTeams"/>).</summary>
public static class TeamsExtensions
{
    /// <summary>Binds and validates <c>Teams</c> at start; registers authentication, the Connector client, its check and the <c>teams</c> chat channel.</summary>
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTeamsCheck(configuration);
        services.AddHttpClient(nameof(BotFrameworkAuthenticator), c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient<BotConnectorClient>(c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<BotFrameworkAuthenticator>();
        // The local Playground needs no Bot Framework keys, and the machine may be offline.
        if (!configuration.GetValue<bool>($"{TeamsOptions.Section}:{nameof(TeamsOptions.LocalPlayground)}"))
            services.AddHostedService<SigningKeysWarmUp>();
        services.AddSingleton<TrustedServiceUrls>();
        services.AddSingleton<ConversationPacer>();
        services.AddSingleton<TeamsConversations>();
        services.AddSingleton<FileLinks>();
        services.AddHostedService<FileLinksNotice>();
        services.AddSingleton<TeamsActors>();
        services.AddSingleton<TeamsChatChannel>();
        services.AddSingleton<IChatChannel>(sp => sp.GetRequiredService<TeamsChatChannel>());
        services.AddSingleton<CommandHandler>();
        services.AddSingleton<CardActionHandler>();
        services.AddSingleton<ActivityEndpoint>();
        return services;
    }

    /// <summary>
    /// Binds and validates <c>Teams</c> at start and registers the Connector token client and the token-endpoint check
    /// only: what <c>check</c> needs, without the channel or the endpoints.
    /// </summary>
    public static IServiceCollection AddTeamsCheck(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsOptions>().Bind(configuration.GetSection(TeamsOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient<ConnectorTokenProvider>(c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient<TeamsConnectorCheck>(c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddTransient<IConnectorCheck>(sp => sp.GetRequiredService<TeamsConnectorCheck>());
        return services;
    }

    /// <summary>Maps <c>POST /api/messages</c> (the Bot Framework messaging endpoint) and the signed file links.</summary>
    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", (HttpContext http, ActivityEndpoint endpoint) => endpoint.HandleAsync(http));
        endpoints.MapGet(FileLinks.Route, async (string id, string? exp, string? sig, FileLinks files, CancellationToken cancellationToken) =>
            await files.OpenAsync(id, exp, sig, cancellationToken).ConfigureAwait(false) is { } file
                ? Results.File(file.Content, file.ContentType, file.FileName)
                : Results.NotFound());
        return endpoints;
    }
}
