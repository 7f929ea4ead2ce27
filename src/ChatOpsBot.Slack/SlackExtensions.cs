using System.Diagnostics.Metrics;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Health;
using ChatOpsBot.Slack.Channel;
using ChatOpsBot.Slack.Inbound;
using ChatOpsBot.Slack.Signing;
using ChatOpsBot.Slack.SocketMode;
using ChatOpsBot.Slack.WebApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack;

/// <summary>Registers Slack (<see cref="AddSlack"/>) and maps its endpoints (<see cref="MapSlack"/>).</summary>
public static class SlackExtensions
{
    /// <summary>
    /// Binds and validates <c>Slack</c> at start; registers the Web API client (with 429 handling) and its check, the chat
    /// channel, the inbound handlers and, with <c>Slack:SocketMode</c>, the Socket Mode client with its readiness check and
    /// metrics. Needs the playbook and storage.
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSlackCheck(configuration);
        var section = configuration.GetSection(SlackOptions.Section);
        services.AddSingleton(sp => new SlackSignatureVerifier(
            sp.GetRequiredService<IOptions<SlackOptions>>().Value.SigningSecret ?? "", sp.GetRequiredService<TimeProvider>()));

        services.AddSingleton<SlackChatChannel>();
        services.AddSingleton<IChatChannel>(sp => sp.GetRequiredService<SlackChatChannel>());

        services.AddSingleton<SlackBackgroundQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<SlackBackgroundQueue>());
        services.AddSingleton<SlackActors>();
        services.AddSingleton<Core.Playbook.Inbox.IInboxChannel, SlackInboxChannel>();
        services.AddSingleton<SlackCommandHandler>();
        services.AddSingleton<SlackInteractionHandler>();
        services.AddSingleton<SlackEventHandler>();
        services.AddSingleton<SlackInbound>();

        if (section.GetValue<bool>(nameof(SlackOptions.SocketMode)))
        {
            AddSocketModeCheck(services);
            services.TryAddSingleton<ISlackWebSocketFactory, ClientWebSocketFactory>();
            services.TryAddSingleton(sp => new SocketModeMetrics(sp.GetRequiredService<SocketModeStatus>(), sp.GetService<IMeterFactory>()));
            services.AddSingleton<SocketModeClient>();
            services.AddHostedService(sp => sp.GetRequiredService<SocketModeClient>());
        }
        return services;
    }

    /// <summary>
    /// Binds and validates <c>Slack</c> at start and registers the Web API client and the <c>auth.test</c> check only:
    /// what <c>check</c> needs, without the channel, the handlers or the Socket Mode connection.
    /// </summary>
    public static IServiceCollection AddSlackCheck(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // Registered once: the Socket Mode check builds on it too, and a second AddHttpClient would stack its handler.
        if (services.Any(d => d.ServiceType == typeof(SlackWebApiClient))) return services;
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddTransient<SlackRetryAfterHandler>();
        services.AddHttpClient(SlackWebApiClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            .AddHttpMessageHandler<SlackRetryAfterHandler>();
        services.TryAddSingleton<ChannelPacer>();
        services.TryAddSingleton<SlackWebApiClient>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConnectorCheck, SlackConnectorCheck>());
        return services;
    }

    /// <summary>
    /// For the <c>check</c> verb, which runs no Slack client: with <c>Slack:SocketMode</c> on (call it only when Slack is configured),
    /// registers the Socket Mode check, which asks Slack for a connection URL once with the app token. Binds and
    /// validates <c>Slack</c> at start. Use instead of <see cref="AddSlack"/>, not with it.
    /// </summary>
    public static IServiceCollection AddSlackSocketModeCheck(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SlackOptions.Section);
        if (!section.GetValue<bool>(nameof(SlackOptions.SocketMode))) return services;
        services.AddSlackCheck(configuration);
        AddSocketModeCheck(services);
        return services;
    }

    private static void AddSocketModeCheck(IServiceCollection services)
    {
        services.TryAddSingleton<SocketModeStatus>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConnectorCheck, SocketModeCheck>());
    }

    /// <summary>Maps <c>/slack/commands</c>, <c>/slack/interactions</c> and <c>/slack/events</c> when a signing secret is configured.</summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder routes)
    {
        var options = routes.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(options.SigningSecret)) routes.MapSlackEndpoints();
        return routes;
    }
}
