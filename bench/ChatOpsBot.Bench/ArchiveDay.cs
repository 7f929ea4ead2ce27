using static ChatOpsBot.Bench.ExternalTool;

namespace ChatOpsBot.Bench;

/// <summary>
/// A Zeek log archive as Zeek's archiver leaves it: <c>2026-01-01/conn.HH:00:00-HH+1:00:00.log.gz</c>, 24 hourly
/// files cut from the generated day by timestamp, beside dns, http, ssl, files and weird logs of every hour; a day
/// folder far from the window (<c>2025-12-01/</c>, the same conn files) and <c>current/</c> holding only a stats log.
/// A hunt over the generator's day must read the 24 conn files of 2026-01-01 and nothing else.
/// </summary>
internal static class ArchiveDay
{
    private const long DayStart = 1767225600; // 2026-01-01T00:00:00Z, the generator's day
    private static readonly string[] OtherLogs = ["dns", "http", "ssl", "files", "weird"];

    /// <summary>The archive root next to <paramref name="log"/> (built once), and its 24 conn files of the window's day.</summary>
    public static (string Root, IReadOnlyList<string> ConnFiles) Build(string log, string dataFolder)
    {
        var root = Path.Combine(dataFolder, "zeek-archive-" + Path.GetFileNameWithoutExtension(log));
        var day = Path.Combine(root, "2026-01-01");
        string Name(string type, int hour) => Path.Combine(day, $"{type}.{hour:00}:00:00-{(hour + 1) % 24:00}:00:00.log.gz");
        var conn = Enumerable.Range(0, 24).Select(h => Name("conn", h)).ToList();
        var complete = root + ".complete"; // beside the archive: a file in its root would be read as a log
        if (File.Exists(complete))
        {
            return (root, conn);
        }

        Console.WriteLine($"building {root} (24 hourly gzip conn logs cut from {Path.GetFileName(log)}) ...");
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        Directory.CreateDirectory(day);
        // One pass: header lines go to every hour's file, each data line to the file of its hour (a gzip per hour).
        var program = $$"""
            BEGIN { FS = "\t" }
            /^#close/ { next }
            /^#/ { header = header $0 "\n"; next }
            {
              h = int(($1 - {{DayStart}}) / 3600); if (h < 0) h = 0; if (h > 23) h = 23
              out = "gzip -6 > '{{day}}/conn." sprintf("%02d", h) ":00:00-" sprintf("%02d", (h + 1) % 24) ":00:00.log.gz'"
              if (!(out in started)) { started[out] = 1; printf "%s", header | out }
              print | out
            }
            """;
        File.WriteAllText(Path.Combine(dataFolder, "split-hours.awk"), program);
        Run($"mawk -f {Quote(Path.Combine(dataFolder, "split-hours.awk"))} {Quote(log)}");
        for (var hour = 0; hour < 24; hour++)
        {
            foreach (var type in OtherLogs)
            {
                // Another log type with the same addresses: read as connections, it would count them twice.
                Run($"(printf '#separator \\\\x09\\n#path\\t{type}\\n#fields\\tts\\tuid\\tid.orig_h\\tid.orig_p\\tid.resp_h\\tid.resp_p\\n'; " +
                    $"zcat {Quote(conn[hour])} | head -1000 | grep -v '^#' | cut -f1-6) | gzip -6 > {Quote(Name(type, hour))}");
            }
        }

        var far = Path.Combine(root, "2025-12-01");
        Directory.CreateDirectory(far);
        foreach (var file in conn) Run($"ln {Quote(file)} {Quote(Path.Combine(far, Path.GetFileName(file)))}");
        var current = Path.Combine(root, "current");
        Directory.CreateDirectory(current);
        File.WriteAllText(Path.Combine(current, "stats.log"), "#separator \\x09\n#path\tstats\n");
        File.WriteAllText(complete, "");
        return (root, conn);
    }
}
