using ChatOpsBot.Core.Dialog;
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
    /// Binds and validates <c>Slack</c> at start; registers the Web API client (with 429 handling), the chat channel,
    /// the inbound handlers and, with <c>Slack:SocketMode</c>, the Socket Mode client. Needs the playbook and storage.
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SlackOptions.Section);
        services.AddOptions<SlackOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddTransient<SlackRetryAfterHandler>();
        services.AddHttpClient(SlackWebApiClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            .AddHttpMessageHandler<SlackRetryAfterHandler>();
        services.AddSingleton<ChannelPacer>();
        services.AddSingleton<SlackWebApiClient>();
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
            services.TryAddSingleton<ISlackWebSocketFactory, ClientWebSocketFactory>();
            services.AddSingleton<SocketModeClient>();
            services.AddHostedService(sp => sp.GetRequiredService<SocketModeClient>());
        }
        return services;
    }

    /// <summary>Maps <c>/slack/commands</c>, <c>/slack/interactions</c> and <c>/slack/events</c> when a signing secret is configured.</summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder routes)
    {
        var options = routes.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(options.SigningSecret)) routes.MapSlackEndpoints();
        return routes;
    }
}
