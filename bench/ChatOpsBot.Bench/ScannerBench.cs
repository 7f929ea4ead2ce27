using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using ChatOpsBot.Connectors.LocalLogs;
using ChatOpsBot.Core.Siem;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static ChatOpsBot.Bench.ExternalTool;

namespace ChatOpsBot.Bench;

/// <summary>Generates (or takes) logs, times the local-log scanner on them and compares with cat, mawk and rg.</summary>
internal sealed class ScannerBench(BenchOptions options)
{
    public int Execute()
    {
        Directory.CreateDirectory(options.DataFolder);
        var rows = new List<string>();
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; median of {options.Repeat} runs after one warm-up (page cache hot)");
        if (options.Files.Count > 0)
        {
            var c2 = options.C2List ?? throw new ArgumentException("--files needs --c2 <list>");
            rows.Add(Measure("files", options.Files, c2, truth: null));
        }
        else
        {
            foreach (var format in options.Formats)
            {
                var (log, c2) = Generate(format);
                rows.Add(Measure(format, [log], c2, log + ".truth.json"));
            }
        }

        Console.WriteLine();
        Console.WriteLine("| format | MB | scan s | MB/s | Mlines/s | peak WS MB | alloc MB | cat s | scan/cat | mawk s | mawk/scan | rg s | rg/scan | outbound lines found/truth | pairs found/truth | inbound (decoy) lines found/truth |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        rows.ForEach(Console.WriteLine);
        return 0;
    }

    private (string Log, string C2) Generate(string format)
    {
        var stem = $"conn-{options.Lines}-c{options.Cidrs}-{options.CidrHits}";
        var log = Path.Combine(options.DataFolder, $"{stem}.{format}");
        var c2 = Path.Combine(options.DataFolder, $"c2-{options.C2Count}-c{options.Cidrs}.txt");
        if (!File.Exists(log) || !File.Exists(log + ".truth.json") || !File.Exists(c2))
        {
            if (!File.Exists(options.Generator))
            {
                throw new ArgumentException($"generator not found: {options.Generator} (--generator)");
            }

            Console.WriteLine($"generating {log} ...");
            Run($"python3 {Quote(options.Generator)} --lines {options.Lines} --format {format} --log {Quote(log)} --c2 {Quote(c2)} --c2-count {options.C2Count} " +
                $"--cidrs {options.Cidrs} --cidr-hits {options.CidrHits} -j {Environment.ProcessorCount}");
        }

        return (log, c2);
    }

    private string Measure(string format, IReadOnlyList<string> files, string c2, string? truth)
    {
        var indicators = File.ReadLines(c2)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(',')[0].Trim())
            .Select(ip => ip.Contains('/', StringComparison.Ordinal) ? IPNetwork.Parse(ip) : new IPNetwork(IPAddress.Parse(ip), IPAddress.Parse(ip).AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128))
            .ToList();
        var ips = Path.Combine(options.DataFolder, Path.GetFileNameWithoutExtension(c2) + ".ips");
        if (!File.Exists(ips))
        {
            File.WriteAllLines(ips, indicators.Where(n => n.PrefixLength is 32 or 128).Select(n => n.BaseAddress.ToString()));
        }

        var columns = format == "csv" ? new CsvColumnOptions { Timestamp = "ts", SourceIp = "sa", DestinationIp = "da", Bytes = "ibyt" } : new CsvColumnOptions();
        var siem = new LocalLogSiem(Options.Create(new LocalLogsOptions { Paths = [.. files], CsvColumns = columns }), NullLogger<LocalLogSiem>.Instance);
        var query = new SiemQuery(indicators, DateTimeOffset.UnixEpoch, new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero), QueryPurpose.Hunt);

        SiemResult result = siem.QueryAsync(query, CancellationToken.None).GetAwaiter().GetResult(); // warm-up: JIT and page cache
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var scan = Median(options.Repeat, () =>
        {
            var started = Stopwatch.GetTimestamp();
            result = siem.QueryAsync(query, CancellationToken.None).GetAwaiter().GetResult();
            return Stopwatch.GetElapsedTime(started);
        });
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore) / options.Repeat;
        Console.WriteLine($"scan cpu per run: {cpu.TotalSeconds:F3} s");
        var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)options.Repeat / (1 << 20);
        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (double)(1 << 20);
        var bytes = files.Sum(f => new FileInfo(f).Length);
        var mb = bytes / (double)(1 << 20);
        var quoted = string.Join(' ', files.Select(Quote));

        if (Environment.GetEnvironmentVariable("BENCH_SCAN_ONLY") == "1")
        {
            return $"scan {Seconds(scan)} s";
        }

        var cat = Median(options.Repeat, () => Run($"cat {quoted} > /dev/null").Elapsed);
        var awk = Exists("mawk") ? "mawk" : Exists("awk") ? "awk" : null;
        var (field, separator) = format switch { "tsv" => ("$5", "\\t"), "csv" => ("$5", ","), _ => ((string?)null, (string?)null) };
        string mawkText = "-", mawkRatio = "-";
        if (awk is not null && field is not null && !files.Any(f => f.EndsWith(".gz", StringComparison.Ordinal)))
        {
            var t = Median(1, () => Run($"{awk} -F'{separator}' 'NR==FNR{{a[$1];next}} ({field} in a){{n++}} END{{print n+0}}' {Quote(ips)} {quoted}").Elapsed);
            (mawkText, mawkRatio) = (Seconds(t), Ratio(t, scan));
        }

        string rgText = "-", rgRatio = "-";
        if (Exists("rg"))
        {
            var t = Median(1, () => Run($"rg -F -c -f {Quote(ips)} {quoted} || true").Elapsed);
            (rgText, rgRatio) = (Seconds(t), Ratio(t, scan));
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
            $"| {format} | {mb:F0} | {Seconds(scan)} | {mb / scan.TotalSeconds:F0} | {result.RecordsScanned / scan.TotalSeconds / 1e6:F1} | {peakMb:F0} | {allocatedMb:F1} | {Seconds(cat)} | {Ratio(scan, cat)} | {mawkText} | {mawkRatio} | {rgText} | {rgRatio} | {outbound.Sum(h => h.Connections)}/{linesTruth} | {outbound.Count}/{pairsTruth} | {inbound}/{decoyTruth} |");
        Console.WriteLine(row);
        return row;
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture);

    private static string Ratio(TimeSpan a, TimeSpan b) => (a.TotalSeconds / b.TotalSeconds).ToString("F1", CultureInfo.InvariantCulture) + "x";
}
