using ChatOpsBot.Core.Health;
using ChatOpsBot.Core.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOpsBot.Connectors.Mailboxes;

public static class MailboxExtensions
{
    /// <summary>Registers <see cref="EmlDirectoryMailbox"/> as <see cref="IMailbox"/>; binds section <c>Mailboxes</c> (key <c>Mailboxes:Directory</c>).</summary>
    public static IServiceCollection AddEmlMailboxes(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLogging();
        services.AddOptions<MailboxOptions>()
            .Bind(configuration.GetSection(MailboxOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<IMailbox, EmlDirectoryMailbox>();
        return services;
    }

    /// <summary>Registers the check of the <c>.eml</c> folders; the caller adds it when they are the mail source in use.</summary>
    public static IServiceCollection AddEmlMailboxesCheck(this IServiceCollection services)
    {
        services.AddSingleton<IConnectorCheck, EmlMailboxesCheck>();
        return services;
    }
}
