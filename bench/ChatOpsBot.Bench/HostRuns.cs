using System.Globalization;
using static ChatOpsBot.Bench.ExternalTool;

namespace ChatOpsBot.Bench;

/// <summary>
/// Runs the built terminal mode (<c>dotnet ChatOpsBot.dll hunt ... --auto</c>) under <c>/usr/bin/time</c>: wall,
/// user+sys CPU and peak resident memory of each whole process.
/// </summary>
internal sealed class HostRuns(BenchOptions options)
{
    public const string Window = "--since 24h --until 2026-01-02T00:00:00Z"; // the generator's day

    /// <summary>The hunt's exit code when it closes inconclusive (as over an empty log, which covers no part of the window).</summary>
    private const int Inconclusive = 5;

    public sealed record Result(Samples Wall, Samples Cpu, Samples PeakMb, string Log);

    public bool Available => File.Exists(options.HostDll);

    /// <summary>One warm-up (page cache; creates and migrates the database, as every later start finds it), then <paramref name="runs"/> measured hunts.</summary>
    public Result Hunt(string logs, string feed, int runs)
    {
        var stats = Path.Combine(options.DataFolder, "host-bench.time");
        var stderr = Path.Combine(options.DataFolder, "host-bench.err");
        var db = Database("host-bench");
        var command = $"dotnet {Quote(options.HostDll)} hunt --logs {Quote(logs)} --feed {Quote(feed)} --auto {Window} --db {Quote(db)} > /dev/null 2>{Quote(stderr)}";
        Run(command, Inconclusive);
        var walls = new List<double>();
        var cpus = new List<double>();
        var peaks = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            walls.Add(Run($"/usr/bin/time -f '%U %S %M' -o {Quote(stats)} sh -c {Quote(command)}", Inconclusive).Elapsed.TotalSeconds);
            var parts = File.ReadAllText(stats).Trim().Split('\n')[^1].Split(' ');
            cpus.Add(double.Parse(parts[0], CultureInfo.InvariantCulture) + double.Parse(parts[1], CultureInfo.InvariantCulture));
            peaks.Add(double.Parse(parts[2], CultureInfo.InvariantCulture) / 1024.0);
        }

        var scanned = File.ReadLines(stderr).FirstOrDefault(l => l.Contains("Local logs scanned", StringComparison.Ordinal)) ?? "";
        var at = scanned.IndexOf("Local logs scanned", StringComparison.Ordinal);
        return new Result(new Samples(walls), new Samples(cpus), new Samples(peaks), at < 0 ? "" : scanned[at..].Trim());
    }

    private string Database(string name)
    {
        foreach (var f in Directory.GetFiles(options.DataFolder, name + ".db*")) File.Delete(f);
        return Path.Combine(options.DataFolder, name + ".db");
    }
}
