using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ChatOpsBot.Connectors.LocalLogs;
using ChatOpsBot.Core.Siem;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static ChatOpsBot.Bench.ExternalTool;

namespace ChatOpsBot.Bench;

/// <summary>
/// Issue 7's figures for the built terminal mode (`dotnet ChatOpsBot.dll hunt ...`): its fixed cost over an empty
/// log, the scan's share of a hunt (the run's wall time minus the same run over an empty log) and a hunt with hits.
/// </summary>
internal sealed partial class HostBench(BenchOptions options)
{
    private const string Window = "--since 24h --until 2026-01-02T00:00:00Z"; // the generator's day

    public void Execute(string c2, string? log)
    {
        Console.WriteLine();
        if (!File.Exists(options.HostDll))
        {
            Console.WriteLine($"Fixed cost: {options.HostDll} not built (dotnet publish src/ChatOpsBot -p:PublishProfile=FastStart); skipped.");
            return;
        }

        var empty = Path.Combine(options.DataFolder, "empty.log");
        File.WriteAllBytes(empty, []);
        var runs = Math.Max(5, options.Repeat);
        var (wall, cpu) = Hunt(empty, c2, runs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Fixed cost: `dotnet ChatOpsBot.dll hunt --logs <empty> --feed <{Indicators(c2)} IOCs> --auto --db <file>`: median wall {Seconds(wall)} s, median cpu {Seconds(cpu)} s over {runs} runs (target <= 0.6 s)"));
        if (log is null || !options.HuntScan) return;

        // The scan's share: the same hunt over the log and over an empty log. The feed is the same list minus every
        // address the log contains, so both runs do the same scan and the same playbook (no IP to validate); with
        // the seeded hits the run also validates each hit IP, which is the playbook's work, not the scan's.
        var quiet = WithoutHits(c2, log, options.DataFolder);
        var (emptyWall, _) = Hunt(empty, quiet, runs);
        var (logWall, logCpu) = Hunt(log, quiet, Math.Max(3, options.Repeat));
        var cat = Median(Math.Max(3, options.Repeat), () => Run($"cat {Quote(log)} > /dev/null").Elapsed);
        var share = logWall - emptyWall;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Scan's share of a hunt over {Path.GetFileName(log)} ({new FileInfo(log).Length >> 20} MB), feed of {Indicators(quiet)} IOCs none of which it contains: run {Seconds(logWall)} s (cpu {Seconds(logCpu)} s) - empty run {Seconds(emptyWall)} s = {Seconds(share)} s; cat {Seconds(cat)} s: {share.TotalSeconds / cat.TotalSeconds:F2}x cat (target <= 2.5x)"));

        var db = Database("hunt-hits");
        var hits = Run($"dotnet {Quote(options.HostDll)} hunt --logs {Quote(log)} --feed {Quote(c2)} --auto {Window} --db {Quote(db)} 2>&1 >/dev/null | grep 'Local logs scanned' || true");
        var scanned = ScannedIn().Match(hits.Output);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Hunt with the seeded hits (feed {Path.GetFileName(c2)}): wall {Seconds(hits.Elapsed)} s, of which the scan {(scanned.Success ? scanned.Groups[1].Value + " ms" : "?")} by the SIEM's own timer; the rest is the playbook validating every hit IP with --auto ({hits.Output.Trim()})"));
    }

    /// <summary>Median wall and user+sys CPU of <paramref name="runs"/> hunts after a warm-up, each on the same database.</summary>
    private (TimeSpan Wall, TimeSpan Cpu) Hunt(string log, string feed, int runs)
    {
        var result = new HostRuns(options).Hunt(log, feed, runs);
        return (TimeSpan.FromSeconds(result.Wall.Median), TimeSpan.FromSeconds(result.Cpu.Median));
    }

    /// <summary>The list without any address the log contains (either side) and without CIDRs, next to the list.</summary>
    public static string WithoutHits(string c2, string log, string dataFolder)
    {
        var quiet = Path.Combine(dataFolder, Path.GetFileNameWithoutExtension(c2) + "-nohits-" + Path.GetFileNameWithoutExtension(log) + ".txt");
        if (File.Exists(quiet)) return quiet;
        var lines = File.ReadLines(c2).Where(l => l.Length > 0 && !l.StartsWith('#') && !Address(l).Contains('/', StringComparison.Ordinal)).ToList();
        var siem = new LocalLogSiem(Options.Create(new LocalLogsOptions { Paths = [log] }), NullLogger<LocalLogSiem>.Instance);
        var indicators = lines.Select(l => new IPNetwork(IPAddress.Parse(Address(l)), 32)).ToList();
        var result = siem.QueryAsync(new SiemQuery(indicators, DateTimeOffset.UnixEpoch, new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero), QueryPurpose.Hunt), CancellationToken.None).GetAwaiter().GetResult();
        var seen = result.Hits.Select(h => h.RemoteIp).ToHashSet(StringComparer.Ordinal);
        File.WriteAllLines(quiet, lines.Where(l => !seen.Contains(Address(l))));
        return quiet;
    }

    /// <summary>The address field of a list line (Bambenek: the first of several comma-separated fields).</summary>
    private static string Address(string line) => line.Split(',')[0].Trim();

    private string Database(string name)
    {
        foreach (var f in Directory.GetFiles(options.DataFolder, name + ".db*")) File.Delete(f);
        return Path.Combine(options.DataFolder, name + ".db");
    }

    private static int Indicators(string list) => File.ReadLines(list).Count(l => l.Length > 0 && !l.StartsWith('#'));

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"in (\d+) ms")]
    private static partial Regex ScannedIn();
}
