using System.Globalization;

namespace ChatOpsBot.Bench;

/// <summary>Command line of the bench: <c>--lines 2000000 --c2-count 50000 --format tsv,json --repeat 3 [--files a.log,b.log]</c>.</summary>
internal sealed record BenchOptions(long Lines, int C2Count, int Cidrs, int CidrHits, IReadOnlyList<string> Formats, string Generator, string DataFolder, int Repeat, IReadOnlyList<string> Files, string? C2List, long ScaleLines, bool Scaling, bool Fixed, bool HuntScan, string HostDll, bool Targets)
{
    /// <summary><c>../shared/tools/gen_conn_log.py</c> from the repo root; from a worktree (<c>wt/name</c>) one level further up.</summary>
    private static string DefaultGenerator(string repoRoot)
    {
        string[] candidates = [Path.Combine(repoRoot, "..", "shared", "tools", "gen_conn_log.py"), Path.Combine(repoRoot, "..", "..", "shared", "tools", "gen_conn_log.py")];
        return candidates.FirstOrDefault(File.Exists) ?? candidates[0];
    }

    public static BenchOptions Parse(string[] args, string repoRoot)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"expected --name value, got '{args[i]}'");
            }

            values[args[i][2..]] = args[++i];
        }

        string Get(string name, string fallback) => values.TryGetValue(name, out var v) ? v : fallback;
        if (Get("targets", "0") != "0")
        {
            // The README's table: every format at 2 M lines, the scaling checks at 10 M, five runs of each figure.
            values.TryAdd("format", "all");
            values.TryAdd("scale-lines", "10000000");
            values.TryAdd("repeat", "5");
        }

        var formats = Get("format", "tsv").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (formats is ["all"])
        {
            formats = ["tsv", "json", "eve", "csv"];
        }

        return new BenchOptions(
            long.Parse(Get("lines", "2000000"), CultureInfo.InvariantCulture),
            int.Parse(Get("c2-count", "50000"), CultureInfo.InvariantCulture),
            int.Parse(Get("cidrs", "100"), CultureInfo.InvariantCulture),
            int.Parse(Get("cidr-hits", "300"), CultureInfo.InvariantCulture),
            formats,
            Path.GetFullPath(Get("generator", DefaultGenerator(repoRoot))),
            Path.GetFullPath(Get("data", Path.Combine(repoRoot, "bench-data"))),
            int.Parse(Get("repeat", "3"), CultureInfo.InvariantCulture),
            Get("files", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            values.GetValueOrDefault("c2"),
            long.Parse(Get("scale-lines", "2000000"), CultureInfo.InvariantCulture),
            Get("scaling", "1") != "0",
            Get("fixed", "1") != "0",
            Get("hunt-scan", "0") != "0",
            Path.GetFullPath(Get("host", Path.Combine(repoRoot, ".build", "fast", "ChatOpsBot.dll"))),
            Get("targets", "0") != "0");
    }
}
