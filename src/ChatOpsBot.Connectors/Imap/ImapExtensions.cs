using ChatOpsBot.Core.Health;
using ChatOpsBot.Core.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Imap;

public static class ImapExtensions
{
    /// <summary>
    /// Registers <see cref="ImapMailbox"/> as <see cref="IMailbox"/> (replacing any earlier one) and its
    /// <see cref="IConnectorCheck"/>; binds and validates section <c>Imap</c> at start.
    /// </summary>
    public static IServiceCollection AddImapMailbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLogging();
        services.AddOptions<ImapOptions>()
            .Bind(configuration.GetSection(ImapOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ImapOptions>, ImapOptionsValidator>());
        services.TryAddSingleton<ImapSessions>();
        services.Replace(ServiceDescriptor.Singleton<IMailbox, ImapMailbox>());
        services.AddSingleton<IConnectorCheck, ImapConnectorCheck>();
        return services;
    }
}
