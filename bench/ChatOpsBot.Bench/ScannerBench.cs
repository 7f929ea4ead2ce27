using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChatOpsBot.Connectors.LocalLogs;
using ChatOpsBot.Core.Siem;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static ChatOpsBot.Bench.ExternalTool;

namespace ChatOpsBot.Bench;

/// <summary>
/// Generates (or takes) logs, times the local-log scanner on them and compares with cat, mawk and rg; then the
/// issue 7 scaling checks (1k vs 500k IOCs, 0 vs 10k CIDRs, .gz vs zcat) and the fixed cost of the built host.
/// </summary>
internal sealed partial class ScannerBench(BenchOptions options, TargetTable? targets = null)
{
    private static readonly bool ScanOnly = Environment.GetEnvironmentVariable("BENCH_SCAN_ONLY") == "1";
    private readonly List<string> _hitChecks = [];
    private double _peakMb;

    public int Execute()
    {
        Directory.CreateDirectory(options.DataFolder);
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {LoadAverage()}; " +
            $"median of {options.Repeat} runs after one warm-up (page cache hot); 'cpu s' = user+sys CPU of the scan (less sensitive to a loaded machine than wall)");
        var rows = new List<string>();
        string? mainC2 = null;
        if (options.Files.Count > 0)
        {
            var c2 = options.C2List ?? throw new ArgumentException("--files needs --c2 <list>");
            rows.Add(Measure("files", options.Files, c2, truth: null));
        }
        else
        {
            foreach (var format in options.Formats)
            {
                var (log, c2) = Generate(format, options.Lines, options.C2Count, options.Cidrs, options.CidrHits);
                mainC2 = c2;
                rows.Add(Measure($"{format} {options.Lines / 1e6:0.#}M", [log], c2, log + ".truth.json"));
            }
        }

        Console.WriteLine();
        Console.WriteLine("| format | MB | scan s | cpu s | MB/s | Mlines/s | peak RSS MB | alloc MB | cat s | scan/cat | mawk s | mawk/scan | rg s | rg/scan | outbound lines found/truth | pairs found/truth | inbound (decoy) lines found/truth |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        rows.ForEach(Console.WriteLine);

        if (options.Scaling && options.Files.Count == 0)
        {
            Scaling();
        }

        if (options.Fixed && options.Files.Count == 0 && targets is null)
        {
            var (tsvLog, tsvC2) = Generate("tsv", options.Lines, options.C2Count, options.Cidrs, options.CidrHits);
            new HostBench(options).Execute(mainC2 ?? tsvC2, tsvLog);
        }

        if (targets is not null)
        {
            targets.Add("peak memory of the scans whatever the log size (500 k list included)", "≤ 150 MB", $"{_peakMb:F0} MB", "highest of every case", _peakMb <= 150,
                "bench process's VmHWM, reset before each case");
            var exact = _hitChecks.Count > 0 && _hitChecks.All(IsExact);
            targets.Add("exact hit counts, CIDRs included, every format", "found = truth", exact ? "exact" : "MISMATCH", "-", exact, string.Join("; ", _hitChecks));
        }

        Console.WriteLine();
        Console.WriteLine($"load average at the end: {LoadAverage()}");
        return 0;
    }

    internal (string Log, string C2) Generate(string format, long lines, int c2Count, int cidrs, int cidrHits)
    {
        var stem = $"conn-{lines}-c{cidrs}-{cidrHits}";
        var log = Path.Combine(options.DataFolder, $"{stem}.{format}");
        var c2 = Path.Combine(options.DataFolder, $"c2-{c2Count}-c{cidrs}.txt");
        if (!File.Exists(log) || !File.Exists(log + ".truth.json") || !File.Exists(c2))
        {
            Console.WriteLine($"generating {log} ...");
            Run($"python3 {Quote(Generator())} --lines {lines} --format {format} --log {Quote(log)} --c2 {Quote(c2)} --c2-count {c2Count} " +
                $"--cidrs {cidrs} --cidr-hits {cidrHits} -j {Environment.ProcessorCount}");
        }

        return (log, c2);
    }

    /// <summary>A C2 list alone (the generator's list is prefix-stable: the first K addresses are those of any longer list).</summary>
    private string GenerateList(int c2Count, int cidrs)
    {
        var c2 = Path.Combine(options.DataFolder, $"c2-{c2Count}-c{cidrs}.txt");
        if (!File.Exists(c2))
        {
            Run($"python3 {Quote(Generator())} --c2 {Quote(c2)} --c2-count {c2Count} --cidrs {cidrs}");
        }

        return c2;
    }

    private string Generator() =>
        File.Exists(options.Generator) ? options.Generator : throw new ArgumentException($"generator not found: {options.Generator} (--generator)");

    /// <summary>The list as the bot loads it (compact: IPv4 addresses as integers), so peak memory is the bot's, not a list of objects.</summary>
    private static IReadOnlyList<IPNetwork> ReadIndicators(string c2)
    {
        using var reader = new StreamReader(c2);
        return ChatOpsBot.Connectors.Feeds.FeedParser.ParseAsync(reader, CancellationToken.None).GetAwaiter().GetResult().Indicators;
    }

    /// <summary>Median wall and CPU time of the scan after a warm-up, its peak resident memory and the last result.</summary>
    private (TimeSpan Wall, TimeSpan Cpu, double PeakMb, double AllocatedMb, SiemResult Result, Samples Walls) Scan(IReadOnlyList<string> files, IReadOnlyList<IPNetwork> indicators, string format)
    {
        var columns = format.StartsWith("csv", StringComparison.Ordinal) ? new CsvColumnOptions { Timestamp = "ts", SourceIp = "sa", DestinationIp = "da", Bytes = "ibyt" } : new CsvColumnOptions();
        var siem = new LocalLogSiem(Options.Create(new LocalLogsOptions { Paths = [.. files], CsvColumns = columns }), NullLogger<LocalLogSiem>.Instance);
        var query = new SiemQuery(indicators, DateTimeOffset.UnixEpoch, new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero), QueryPurpose.Hunt);
        var result = siem.QueryAsync(query, CancellationToken.None).GetAwaiter().GetResult(); // warm-up: JIT and page cache
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true); // give back what earlier cases held
        ResetPeakMemory();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var walls = new List<TimeSpan>();
        var cpus = new List<TimeSpan>();
        for (var i = 0; i < options.Repeat; i++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            result = siem.QueryAsync(query, CancellationToken.None).GetAwaiter().GetResult();
            walls.Add(Stopwatch.GetElapsedTime(started));
            cpus.Add(Process.GetCurrentProcess().TotalProcessorTime - cpu);
        }

        var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)options.Repeat / (1 << 20);
        var peak = PeakMemoryMb();
        _peakMb = Math.Max(_peakMb, peak);
        return (MedianOf(walls), MedianOf(cpus), peak, allocatedMb, result, new Samples([.. walls.Select(w => w.TotalSeconds)]));
    }

    private string Measure(string label, IReadOnlyList<string> files, string c2, string? truth)
    {
        var format = label.Split(' ')[0];
        var indicators = ReadIndicators(c2);
        var ips = Path.Combine(options.DataFolder, Path.GetFileNameWithoutExtension(c2) + ".ips");
        if (!File.Exists(ips))
        {
            File.WriteAllLines(ips, indicators.Where(n => n.PrefixLength is 32 or 128).Select(n => n.BaseAddress.ToString()));
        }

        var (scan, cpu, peakMb, allocatedMb, result, walls) = Scan(files, indicators, format);
        var bytes = files.Sum(f => new FileInfo(f).Length);
        var mb = bytes / (double)(1 << 20);
        var quoted = string.Join(' ', files.Select(Quote));

        string catText = "-", catRatio = "-", mawkText = "-", mawkRatio = "-", rgText = "-", rgRatio = "-";
        if (!ScanOnly)
        {
            var cat = Median(options.Repeat, () => Run($"cat {quoted} > /dev/null").Elapsed);
            (catText, catRatio) = (Seconds(cat), Ratio(scan, cat));
            if (targets is not null && format is "json" or "eve")
            {
                var ratio = walls.Over(cat.TotalSeconds);
                targets.Add($"{(format == "json" ? "Zeek JSON" : "Suricata eve")} scan, {label}, in process / `cat`", "≤ 5x", $"{ratio.Median:F2}x", ratio.Spread("F2", "x"),
                    ratio.Median <= 5, $"scan {Seconds(scan)} s, cat {Seconds(cat)} s");
            }
            var awk = targets is not null ? null : Exists("mawk") ? "mawk" : Exists("awk") ? "awk" : null;
            var (field, separator) = format switch { "tsv" => ("$5", "\\t"), "csv" => ("$5", ","), _ => ((string?)null, (string?)null) };
            if (awk is not null && field is not null && !files.Any(f => f.EndsWith(".gz", StringComparison.Ordinal)))
            {
                var t = Median(1, () => Run($"{awk} -F'{separator}' 'NR==FNR{{a[$1];next}} ({field} in a){{n++}} END{{print n+0}}' {Quote(ips)} {quoted}").Elapsed);
                (mawkText, mawkRatio) = ($"{Seconds(t)} ({awk})", Ratio(t, scan));
            }

            if (targets is null && Exists("rg"))
            {
                var t = Median(1, () => Run($"rg -F -c -f {Quote(ips)} {quoted} || true").Elapsed);
                (rgText, rgRatio) = (Seconds(t), Ratio(t, scan));
            }
        }

        var outbound = result.Hits.Where(h => h.Direction == HitDirection.Outbound).ToList();
        var inbound = result.Hits.Where(h => h.Direction == HitDirection.Inbound).Sum(h => h.Connections);
        string linesTruth = "?", pairsTruth = "?", decoyTruth = "?";
        if (truth is not null && File.Exists(truth))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(truth));
            var t = doc.RootElement;
            linesTruth = t.GetProperty("expect").GetProperty("cidr_aware_resp_h_match_lines").GetInt64().ToString(CultureInfo.InvariantCulture);
            pairsTruth = (t.GetProperty("hit_pairs_distinct").GetInt64() + t.GetProperty("cidr_hit_pairs_distinct").GetInt64()).ToString(CultureInfo.InvariantCulture);
            decoyTruth = t.GetProperty("decoy_lines_c2_as_orig_h").GetInt64().ToString(CultureInfo.InvariantCulture);
        }

        var row = string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {mb:F0} | {Seconds(scan)} | {Seconds(cpu)} | {mb / scan.TotalSeconds:F0} | {result.RecordsScanned / scan.TotalSeconds / 1e6:F1} | {peakMb:F0} | {allocatedMb:F1} | {catText} | {catRatio} | {mawkText} | {mawkRatio} | {rgText} | {rgRatio} | {outbound.Sum(h => h.Connections)}/{linesTruth} | {outbound.Count}/{pairsTruth} | {inbound}/{decoyTruth} |");
        Console.WriteLine(row);
        _hitChecks.Add($"{label}: {outbound.Sum(h => h.Connections)}/{linesTruth} lines, {outbound.Count}/{pairsTruth} pairs, {inbound}/{decoyTruth} inbound");
        return row;
    }

    /// <summary>IOC-count and CIDR-count scaling on one TSV log (generated with the 10k CIDRs, so traffic avoids them), and .gz vs zcat.</summary>
    private void Scaling()
    {
        const int Cidrs = 10_000;
        var (log, c2WithCidrs) = Generate("tsv", options.ScaleLines, options.C2Count, Cidrs, options.CidrHits);
        var cases = new (string Name, string List)[]
        {
            ("1k IPs", GenerateList(1_000, 0)),
            ("500k IPs", GenerateList(500_000, 0)),
            ($"{options.C2Count / 1000}k IPs + 0 CIDRs", GenerateList(options.C2Count, 0)),
            ($"{options.C2Count / 1000}k IPs + 10k CIDRs", c2WithCidrs),
        };
        Console.WriteLine();
        Console.WriteLine($"Scaling, TSV {options.ScaleLines / 1e6:0.#}M lines ({new FileInfo(log).Length >> 20} MB, generated with --cidrs {Cidrs} --cidr-hits {options.CidrHits}):");
        Console.WriteLine();
        Console.WriteLine("| indicators | scan s | cpu s | peak RSS MB | hit pairs | outbound lines |");
        Console.WriteLine("|---|---|---|---|---|---|");
        var times = new Dictionary<string, (TimeSpan Wall, TimeSpan Cpu)>();
        var samples = new Dictionary<string, Samples>();
        foreach (var (name, list) in cases)
        {
            var (wall, cpu, peak, _, result, walls) = Scan([log], ReadIndicators(list), "tsv");
            times[name] = (wall, cpu);
            samples[name] = walls;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {Seconds(wall)} | {Seconds(cpu)} | {peak:F0} | {result.Hits.Count} | {result.Hits.Where(h => h.Direction == HitDirection.Outbound).Sum(h => h.Connections)} |"));
        }

        Console.WriteLine();
        Console.WriteLine($"- 500k vs 1k IPs: wall {Ratio(times[cases[1].Name].Wall, times[cases[0].Name].Wall)}, cpu {Ratio(times[cases[1].Name].Cpu, times[cases[0].Name].Cpu)} (target <= 1.2x)");
        Console.WriteLine($"- 10k CIDRs vs 0: wall {Ratio(times[cases[3].Name].Wall, times[cases[2].Name].Wall)}, cpu {Ratio(times[cases[3].Name].Cpu, times[cases[2].Name].Cpu)} (target <= 1.3x)");

        var gz = log + ".gz";
        if (!File.Exists(gz))
        {
            Run($"gzip -c {Quote(log)} > {Quote(gz)}");
        }

        var (gzWall, gzCpu, gzPeak, _, gzResult, gzWalls) = Scan([gz], ReadIndicators(c2WithCidrs), "tsv");
        var zcat = Median(options.Repeat, () => Run($"zcat {Quote(gz)} > /dev/null").Elapsed);
        if (targets is not null)
        {
            void Scaled(string figure, string target, double limit, string over, string under)
            {
                var ratio = samples[over].Over(samples[under].Median);
                targets.Add(figure, target, $"{ratio.Median:F2}x", ratio.Spread("F2", "x"), ratio.Median <= limit,
                    $"{Seconds(times[over].Wall)} vs {Seconds(times[under].Wall)} s; cpu {Ratio(times[over].Cpu, times[under].Cpu)}; in process, {new FileInfo(log).Length >> 20} MB TSV");
            }

            Scaled("500 k IOCs vs 1 k IOCs (scan wall)", "≤ 1.2x", 1.2, cases[1].Name, cases[0].Name);
            Scaled("10 k CIDRs vs none (50 k IPs; scan wall)", "≤ 1.3x", 1.3, cases[3].Name, cases[2].Name);
            var gzRatio = gzWalls.Over(zcat.TotalSeconds);
            targets.Add($"`.gz` scan ({new FileInfo(gz).Length >> 20} MB, gzip -6) / `zcat > /dev/null`", "≤ 1.3x", $"{gzRatio.Median:F2}x", gzRatio.Spread("F2", "x"), gzRatio.Median <= 1.3,
                $"scan {Seconds(gzWall)} s (cpu {Seconds(gzCpu)} s), zcat {Seconds(zcat)} s");
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"- .gz ({new FileInfo(gz).Length >> 20} MB, gzip -6): scan {Seconds(gzWall)} s (cpu {Seconds(gzCpu)} s, peak RSS {gzPeak:F0} MB, {gzResult.Hits.Count} pairs), zcat > /dev/null {Seconds(zcat)} s: {Ratio(gzWall, zcat)} (target <= 1.3x)"));
    }

    /// <summary>Resets the kernel's peak-RSS mark (VmHWM) of this process (Linux).</summary>
    private static void ResetPeakMemory()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // not Linux, or not allowed: the peak then covers the whole bench
        }
    }

    private static double PeakMemoryMb()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null)
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
            }
        }
        catch (IOException)
        {
        }

        return Process.GetCurrentProcess().PeakWorkingSet64 / (double)(1 << 20);
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }

    /// <summary>Whether a "found/truth ..." text holds only equal pairs.</summary>
    private static bool IsExact(string counts) =>
        CountPair().Matches(counts).All(m => m.Groups[1].Value == m.Groups[2].Value);

    [GeneratedRegex(@"(\d+|\?)/(\d+|\?)")]
    private static partial Regex CountPair();

    private static TimeSpan MedianOf(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture);

    private static string Ratio(TimeSpan a, TimeSpan b) => (a.TotalSeconds / b.TotalSeconds).ToString("F2", CultureInfo.InvariantCulture) + "x";
}
