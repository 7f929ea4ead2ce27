using System.Text.Json;

namespace ChatOpsBot.Composition;

/// <summary>
/// The demo's inputs, read from <c>samples/demo.json</c>: the bundled data was captured on a fixed day, so the
/// demo's SIEM window (and the mailbox look-back, which counts from the window's end) is that day, not today.
/// </summary>
/// <param name="WindowEnd">End of the demo window.</param>
/// <param name="Window">Length of the demo window.</param>
public sealed record DemoSettings(DateTimeOffset WindowEnd, TimeSpan Window)
{
    /// <summary>Reads <c>demo.json</c> from <paramref name="samplesDirectory"/>.</summary>
    public static DemoSettings Load(string samplesDirectory)
    {
        var path = Path.Combine(samplesDirectory, "demo.json");
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<DemoSettings>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException($"{path} is empty.");
    }

    /// <summary>Configuration pointing every embedded default at the samples.</summary>
    public static IReadOnlyDictionary<string, string?> Configuration(string samples) => new Dictionary<string, string?>
    {
        ["Playbook:Feed"] = Path.Combine(samples, "feed", "c2-ipmasterlist.txt"),
        ["LocalLogs:Paths:0"] = Path.Combine(samples, "logs"),
        ["Intel:OfflineFile"] = Path.Combine(samples, "intel", "otx-pulses.json"),
        ["Mailboxes:Directory"] = Path.Combine(samples, "mailboxes"),
        ["Assets:File"] = Path.Combine(samples, "assets", "inventory.csv"),
    };
}
