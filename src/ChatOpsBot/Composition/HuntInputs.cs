using ChatOpsBot.Connectors.Assets;
using ChatOpsBot.Connectors.LocalLogs;
using ChatOpsBot.Connectors.Mailboxes;
using ChatOpsBot.Connectors.OfflineIntel;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Composition;

/// <summary>
/// The files and folders the embedded connectors in use read during a hunt. Only <c>hunt</c> requires them before it
/// starts; the service, <c>runs</c> and <c>check</c> start without them (a container whose inputs are not mounted yet
/// must not crash-loop): <c>check</c> and <c>/healthz/ready</c> report them, and a run started then fails its step
/// with the connector's own reason.
/// </summary>
public static class HuntInputs
{
    /// <summary>Null when every input in use exists, otherwise one line naming each missing one by its key.</summary>
    public static string? Problems(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var missing = new List<string>();
        if (ConnectorServices.SiemProvider(configuration) == "locallogs")
        {
            var paths = services.GetRequiredService<IOptions<LocalLogsOptions>>().Value.Paths;
            for (var i = 0; i < paths.Count; i++)
                if (!File.Exists(paths[i]) && !Directory.Exists(paths[i]))
                    missing.Add($"LocalLogs:Paths:{i} '{paths[i]}' is neither an existing file nor a directory.");
        }
        if (ConnectorServices.IntelProvider(configuration) == "offline")
            MustExist(missing, "Intel:OfflineFile", services.GetRequiredService<IOptions<OfflineIntelOptions>>().Value.OfflineFile, File.Exists);
        if (ConnectorServices.EmlMail(configuration))
            MustExist(missing, "Mailboxes:Directory", services.GetRequiredService<IOptions<MailboxOptions>>().Value.Directory, Directory.Exists);
        MustExist(missing, "Assets:File", services.GetRequiredService<IOptions<AssetInventoryOptions>>().Value.File, File.Exists);
        return missing.Count == 0 ? null : $"Configuration error: {string.Join(" ", missing)}";
    }

    private static void MustExist(List<string> missing, string key, string path, Func<string, bool> exists)
    {
        if (!string.IsNullOrWhiteSpace(path) && !exists(path)) missing.Add($"{key} '{path}' does not exist.");
    }
}
