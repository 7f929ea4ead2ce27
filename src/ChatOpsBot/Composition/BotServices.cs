using ChatOpsBot.Core.Conversation;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Playbook.Inbox;
using ChatOpsBot.Core.Playbook.Outbox;
using ChatOpsBot.Storage;

namespace ChatOpsBot.Composition;

/// <summary>Composition of the bot: playbook, storage and the configured connectors (embedded defaults unless configured otherwise).</summary>
public static class BotServices
{
    /// <summary>Registers everything the terminal and the web service share.</summary>
    public static IServiceCollection AddChatOpsBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PlaybookOptions>().Bind(configuration.GetSection(PlaybookOptions.Section)).ValidateOnStart();
        services.AddPlaybook();
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section)).ValidateOnStart();
        services.AddStorage(configuration);
        services.AddSingleton<AnswerInbox>();
        services.AddSingleton<ConversationHandler>();
        services.AddHostedService<DatabaseMigration>();
        services.AddEmbeddedConnectors(configuration);
        return services;
    }
}
