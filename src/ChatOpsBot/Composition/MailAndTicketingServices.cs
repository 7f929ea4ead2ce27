using ChatOpsBot.Connectors.Graph;
using ChatOpsBot.Connectors.Imap;
using ChatOpsBot.Connectors.Mailboxes;
using ChatOpsBot.Connectors.TheHive;

namespace ChatOpsBot.Composition;

/// <summary>
/// Chooses the mail and ticketing connectors from configuration: <c>Mail:Provider</c> = EmlDirectory (default) | Imap | Graph,
/// <c>Ticketing:Provider</c> = Builtin (default) | TheHive. A chosen connector replaces the embedded default.
/// </summary>
public static class MailAndTicketingServices
{
    /// <summary>Registers the configured providers after the embedded defaults (and storage) are in place.</summary>
    public static IServiceCollection AddConfiguredMailAndTicketing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ConnectorCheckRunner>();
        var mail = configuration["Mail:Provider"] ?? "EmlDirectory";
        switch (mail.ToUpperInvariant())
        {
            case "EMLDIRECTORY":
                services.AddEmlMailboxesCheck();
                break;
            case "IMAP":
                services.AddImapMailbox(configuration);
                break;
            case "GRAPH":
                services.AddGraphMailbox(configuration);
                break;
            default:
                throw new BadConfigurationException($"Mail:Provider '{mail}' is not one of EmlDirectory, Imap, Graph");
        }

        var ticketing = configuration["Ticketing:Provider"] ?? "Builtin";
        switch (ticketing.ToUpperInvariant())
        {
            case "BUILTIN":
                break;
            case "THEHIVE":
                services.AddTheHiveTicketing(configuration);
                break;
            default:
                throw new BadConfigurationException($"Ticketing:Provider '{ticketing}' is not one of Builtin, TheHive");
        }

        return services;
    }
}
