using ChatOpsBot.Connectors.Assets;
using ChatOpsBot.Connectors.Exports;
using ChatOpsBot.Connectors.Feeds;
using ChatOpsBot.Connectors.LocalLogs;
using ChatOpsBot.Connectors.Mailboxes;
using ChatOpsBot.Connectors.OfflineIntel;
using ChatOpsBot.Connectors.ShiftLogs;

namespace ChatOpsBot.Composition;

/// <summary>The embedded defaults: every port backed by local files, so the bot runs with no account anywhere.</summary>
public static class ConnectorServices
{
    /// <summary>Registers feed, local-log SIEM, offline intel, .eml mailboxes, CSV asset inventory, Markdown shift log and CSV export.</summary>
    public static IServiceCollection AddEmbeddedConnectors(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIocFeed(configuration);
        services.AddLocalLogSiem(configuration);
        services.AddOfflineIntel(configuration);
        services.AddEmlMailboxes(configuration);
        services.AddCsvAssetInventory(configuration);
        services.AddMarkdownShiftLog(configuration);
        services.AddCsvExporter(configuration);
        services.AddConfiguredMailAndTicketing(configuration);
        return services;
    }
}
