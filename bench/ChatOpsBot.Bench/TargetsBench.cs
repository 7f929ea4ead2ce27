using System.Diagnostics;
using System.Globalization;
using ChatOpsBot.Connectors.Feeds;
using ChatOpsBot.Connectors.LocalLogs.Scanning;
using static ChatOpsBot.Bench.ExternalTool;
using static ChatOpsBot.Bench.TargetTable;

namespace ChatOpsBot.Bench;

/// <summary>
/// <c>--targets 1</c>: every figure of the README's performance table (issues 7 and 18) with its target, median and
/// spread, then the commit and machine. Data is generated on first use into <c>bench-data/</c> and reused.
/// </summary>
internal sealed class TargetsBench(BenchOptions options, string repoRoot)
{
    /// <summary>Hard links of the 10 M-line log: ≥ 4 GB read from the page cache, so the scan outweighs start-up.</summary>
    private const int Links = 4;

    public int Execute()
    {
        Directory.CreateDirectory(options.DataFolder);
        var started = Stopwatch.GetTimestamp();
        var machine = MachineInfo.Describe(repoRoot);
        Console.WriteLine(machine);
        var table = new TargetTable();
        var runs = options.Repeat;
        var host = new HostRuns(options);
        var scanner = new ScannerBench(options, table);

        // Scanner figures in process (issue 7): formats, IOC and CIDR scaling, memory, gzip, exact hits.
        scanner.Execute();

        var (log, c2) = scanner.Generate("tsv", 10_000_000, 50_000, options.Cidrs, options.CidrHits);
        FeedLoad(table, host, runs);
        if (!host.Available)
        {
            Console.WriteLine($"{options.HostDll} not built (dotnet publish src/ChatOpsBot -p:PublishProfile=FastStart): the built terminal's rows are skipped.");
        }
        else
        {
            var empty = Path.Combine(options.DataFolder, "empty.log");
            File.WriteAllBytes(empty, []);
            FixedCost(table, host, empty, c2, Math.Max(7, runs));
            var quiet = HostBench.WithoutHits(c2, log, options.DataFolder);
            ScanShare(table, host, log, quiet, runs);
            Archive(table, host, log, quiet, Math.Max(3, runs - 2));
        }

        table.Print($"Performance targets ({machine}; bench wall time {Stopwatch.GetElapsedTime(started).TotalMinutes:F1} min, load average at the end {MachineInfo.LoadAverage()}):");
        return 0;
    }

    /// <summary>Point 3: the built terminal's fixed cost, a hunt over an empty log with the 50 k feed.</summary>
    private static void FixedCost(TargetTable table, HostRuns host, string empty, string c2, int runs)
    {
        var r = host.Hunt(empty, c2, runs);
        table.Add("fixed cost: `hunt` over an empty log, 50 k feed, FastStart", "≤ 0.6 s", $"{F(r.Wall.Median)} s", r.Wall.Spread("F3", " s"),
            r.Wall.Median <= 0.6, $"cpu {F(r.Cpu.Median)} s, peak RSS {F(r.PeakMb.Median, "F0")} MB");
    }

    /// <summary>
    /// Points 1 and 2: the scan's share of a hunt over <see cref="Links"/> hard links of the 10 M-line log (the same
    /// hunt minus over the log's first and last lines; the feed lists no address of the log, so both runs do the same playbook) against
    /// <c>cat</c> of the same files.
    /// </summary>
    private void ScanShare(TargetTable table, HostRuns host, string log, string quiet, int runs)
    {
        var folder = Path.Combine(options.DataFolder, $"links-{Links}x-{Path.GetFileNameWithoutExtension(log)}");
        Directory.CreateDirectory(folder);
        var files = Enumerable.Range(1, Links).Select(i => Path.Combine(folder, $"conn-{i}.log")).ToList();
        foreach (var file in files.Where(f => !File.Exists(f))) Run($"ln {Quote(log)} {Quote(file)}");
        var bytes = files.Sum(f => new FileInfo(f).Length);
        // The baseline reads the log's header and its first and last lines: it covers the window as the full log does,
        // so both hunts close the same way (an empty log would close inconclusive, through other prompts).
        var edges = Path.Combine(options.DataFolder, Path.GetFileNameWithoutExtension(log) + "-edges.log");
        if (!File.Exists(edges)) Run($"(grep -m 8 '^#' {Quote(log)}; grep -m 1 -v '^#' {Quote(log)}; tail -n 2 {Quote(log)} | grep -v '^#') > {Quote(edges)}");
        var emptyRun = host.Hunt(edges, quiet, runs);
        var full = host.Hunt(folder, quiet, runs);
        Run($"cat {string.Join(' ', files.Select(Quote))} > /dev/null");
        var cat = new Samples([.. Enumerable.Range(0, runs).Select(_ => Run($"cat {string.Join(' ', files.Select(Quote))} > /dev/null").Elapsed.TotalSeconds)]);
        var share = full.Wall.Minus(emptyRun.Wall);
        var ratio = share.Over(cat.Median);
        var cpuShare = full.Cpu.Median - emptyRun.Cpu.Median;
        table.Add($"scan's share of a hunt over {bytes / 1e9:F1} GB ({Links} links of the 10 M-line TSV, page cache) / `cat`", "≤ 2.5x",
            $"{F(share.Median / cat.Median, "F2")}x", ratio.Spread("F2", "x"), share.Median / cat.Median <= 2.5,
            string.Create(CultureInfo.InvariantCulture,
                $"hunt {F(full.Wall.Median)} s − over the log's first and last lines {F(emptyRun.Wall.Median)} s = {F(share.Median)} s ({bytes / 1e9 / share.Median:F1} GB/s, cpu {F(cpuShare)} s); cat {F(cat.Median)} s ({cat.Spread("F3", " s")}); {full.Log}"));
    }

    /// <summary>Point 4: a 500 k-address feed parsed and indexed (in process), and what it adds to a hunt process over a 1 k feed.</summary>
    private void FeedLoad(TargetTable table, HostRuns host, int runs)
    {
        var big = GenerateList(500_000);
        var small = GenerateList(1_000);
        double ParseAndIndex(string feed)
        {
            var t = Stopwatch.GetTimestamp();
            using var reader = new StreamReader(feed);
            var result = FeedParser.ParseAsync(reader, CancellationToken.None).GetAwaiter().GetResult();
            var set = new IndicatorSet(result.Indicators);
            GC.KeepAlive(set);
            return Stopwatch.GetElapsedTime(t).TotalSeconds;
        }

        // Warm-ups until the JIT's tiering has settled (the published bot runs these methods precompiled, never at tier 0).
        for (var i = 0; i < 5; i++) ParseAndIndex(big);
        var parse = new Samples([.. Enumerable.Range(0, runs).Select(_ => ParseAndIndex(big))]);
        table.Add("500 k-IP feed parsed and indexed (in process)", "≤ 0.2 s", $"{F(parse.Median)} s", parse.Spread("F3", " s"), parse.Median <= 0.2,
            "FeedParser + IndicatorSet over the file, in the bench process after 5 warm-ups");
        if (!host.Available) return;
        var empty = Path.Combine(options.DataFolder, "empty.log");
        File.WriteAllBytes(empty, []);
        var withSmall = host.Hunt(empty, small, runs);
        var withBig = host.Hunt(empty, big, runs);
        var rss = withBig.PeakMb.Minus(withSmall.PeakMb);
        table.Add("500 k-IP feed vs 1 k: peak RSS of a `hunt` process over an empty log", "≤ +30 MB", $"{F(rss.Median, "+0;-0")} MB", rss.Spread("F0", " MB"),
            rss.Median <= 30, string.Create(CultureInfo.InvariantCulture,
                $"peak {F(withBig.PeakMb.Median, "F0")} vs {F(withSmall.PeakMb.Median, "F0")} MB; wall {F(withBig.Wall.Median)} vs {F(withSmall.Wall.Median)} s ({F(withBig.Wall.Median - withSmall.Wall.Median, "+0.000;-0.000")} s), cpu {F(withBig.Cpu.Median - withSmall.Cpu.Median, "+0.000;-0.000")} s"));
    }

    /// <summary>Point 5: a day of a Zeek archive (24 hourly gzip conn logs among other log types) against <c>zcat</c> of those conn files.</summary>
    private void Archive(TargetTable table, HostRuns host, string log, string quiet, int runs)
    {
        var (root, conn) = ArchiveDay.Build(log, options.DataFolder);
        var hunt = host.Hunt(root, quiet, runs);
        var zcatCommand = $"zcat {string.Join(' ', conn.Select(Quote))} > /dev/null";
        var zcat = new Samples([.. Enumerable.Range(0, runs).Select(_ => Run(zcatCommand).Elapsed.TotalSeconds)]);
        var ratio = hunt.Wall.Over(zcat.Median);
        var gzBytes = conn.Sum(f => new FileInfo(f).Length);
        table.Add($"Zeek archive day: `hunt` over a `YYYY-MM-DD/` archive (24 conn.*.log.gz, {gzBytes >> 20} MB, among dns/http/ssl/files/weird and a far day) / `zcat` of the 24", "≤ 1.2x",
            $"{F(hunt.Wall.Median / zcat.Median, "F2")}x", ratio.Spread("F2", "x"), hunt.Wall.Median / zcat.Median <= 1.2,
            $"hunt {F(hunt.Wall.Median)} s (cpu {F(hunt.Cpu.Median)} s, whole process), zcat {F(zcat.Median)} s ({zcat.Spread("F3", " s")}); {hunt.Log}");
    }

    private string GenerateList(int count)
    {
        var c2 = Path.Combine(options.DataFolder, $"c2-{count}-c0.txt");
        if (!File.Exists(c2)) Run($"python3 {Quote(options.Generator)} --c2 {Quote(c2)} --c2-count {count} --cidrs 0");
        return c2;
    }
}
