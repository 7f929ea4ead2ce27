using ChatOpsBot.Connectors.Assets;
using ChatOpsBot.Connectors.CombinedIntel;
using ChatOpsBot.Connectors.Exports;
using ChatOpsBot.Connectors.Feeds;
using ChatOpsBot.Connectors.LocalLogs;
using ChatOpsBot.Connectors.Mailboxes;
using ChatOpsBot.Connectors.OfflineIntel;
using ChatOpsBot.Connectors.Otx;
using ChatOpsBot.Connectors.ShiftLogs;
using ChatOpsBot.Connectors.Splunk;
using ChatOpsBot.Connectors.VirusTotal;

namespace ChatOpsBot.Composition;

/// <summary>
/// The connectors: every port backed by local files (so the bot runs with no account anywhere), except where
/// configuration picks a real system: <c>Siem:Provider</c> and <c>Intel:Provider</c>.
/// </summary>
public static class ConnectorServices
{
    /// <summary>Registers feed, SIEM, intel, .eml mailboxes, CSV asset inventory, Markdown shift log and CSV export.</summary>
    public static IServiceCollection AddEmbeddedConnectors(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIocFeed(configuration);
        AddSiem(services, configuration);
        AddIntel(services, configuration);
        services.AddEmlMailboxes(configuration);
        services.AddCsvAssetInventory(configuration);
        services.AddMarkdownShiftLog(configuration);
        services.AddCsvExporter(configuration);
        services.AddConfiguredMailAndTicketing(configuration);
        return services;
    }

    private static void AddSiem(IServiceCollection services, IConfiguration configuration)
    {
        switch (SiemProvider(configuration))
        {
            case "locallogs": services.AddLocalLogSiem(configuration); break;
            case "splunk": services.AddSplunkSiem(configuration); break;
            case var other: throw Unknown("Siem:Provider", other, "LocalLogs, Splunk");
        }
    }

    private static void AddIntel(IServiceCollection services, IConfiguration configuration)
    {
        switch (IntelProvider(configuration))
        {
            case "offline": services.AddOfflineIntel(configuration); break;
            case "otx": services.AddOtxIntel(configuration); break;
            case "virustotal": services.AddVirusTotalIntel(configuration); break;
            case "otxandvirustotal": services.AddOtxAndVirusTotalIntel(configuration); break;
            case var other: throw Unknown("Intel:Provider", other, "Offline, Otx, VirusTotal, OtxAndVirusTotal");
        }
    }

    /// <summary>The configured SIEM, lower case: <c>locallogs</c> (default) or <c>splunk</c>.</summary>
    internal static string SiemProvider(IConfiguration configuration) => Provider(configuration, "Siem:Provider", "LocalLogs");

    /// <summary>The configured intel, lower case: <c>offline</c> (default), <c>otx</c>, <c>virustotal</c> or <c>otxandvirustotal</c>.</summary>
    internal static string IntelProvider(IConfiguration configuration) => Provider(configuration, "Intel:Provider", "Offline");

    /// <summary>True when mail comes from the <c>.eml</c> folders (<c>Mail:Provider</c> EmlDirectory, the default).</summary>
    internal static bool EmlMail(IConfiguration configuration) =>
        string.Equals(configuration["Mail:Provider"] ?? "EmlDirectory", "EmlDirectory", StringComparison.OrdinalIgnoreCase);

    private static string Provider(IConfiguration configuration, string key, string fallback) =>
        (string.IsNullOrWhiteSpace(configuration[key]) ? fallback : configuration[key]!.Trim()).ToLowerInvariant();

    private static BadConfigurationException Unknown(string key, string value, string allowed) =>
        new($"{key} '{value}' is not one of {allowed}.");
}
