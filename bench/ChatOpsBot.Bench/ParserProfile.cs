using System.Diagnostics;
using System.Globalization;
using System.Net;
using ChatOpsBot.Connectors.LocalLogs;
using ChatOpsBot.Connectors.LocalLogs.Scanning;

namespace ChatOpsBot.Bench;

/// <summary>
/// <c>--profile file --c2 list</c>: single-thread, in-memory breakdown of the TSV parse (no I/O), each figure as
/// ns/line and as a multiple of a plain '\n' count over the same bytes (that ratio survives a loaded machine).
/// </summary>
internal static class ParserProfile
{
    public static int Run(string file, string c2, int megabytes)
    {
        var data = new byte[megabytes << 20];
        int n;
        using (var stream = File.OpenRead(file))
        {
            n = stream.ReadAtLeast(data, data.Length, throwOnEndOfStream: false);
        }

        var head = data.AsSpan(0, n);
        LogLayoutReader.TryRead(head, false, LocalLogFormat.ZeekTsv, new CsvColumnOptions(), out var layout, out _);
        var blocks = new List<(int Start, int Length)>();
        for (var at = layout!.HeaderLength; at < n;)
        {
            var end = Math.Min(n, at + (1 << 20));
            var last = data.AsSpan(at, end - at).LastIndexOf((byte)'\n');
            if (last < 0)
            {
                break;
            }

            blocks.Add((at, last + 1));
            at += last + 1;
        }

        var all = File.ReadLines(c2).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split(',')[0].Trim()).ToList();
        IPNetwork Net(string ip) => ip.Contains('/', StringComparison.Ordinal) ? IPNetwork.Parse(ip) : new IPNetwork(IPAddress.Parse(ip), 32);
        var exact = all.Where(ip => !ip.Contains('/', StringComparison.Ordinal)).ToList();
        var allNets = all.Select(Net).ToList();
        for (var r = 0; r < 3; r++)
        {
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var built = new IndicatorSet(allNets);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"IndicatorSet of {allNets.Count} entries built in {(Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds:F0} ms cpu ({built.IsEmpty})"));
        }

        var sets = new (string Name, IndicatorSet Set)[]
        {
            ("0 IOCs", new IndicatorSet([])),
            ("1k /32", new IndicatorSet(exact.Take(1000).Select(Net))),
            ($"{exact.Count / 1000}k /32", new IndicatorSet(exact.Select(Net))),
            ($"{exact.Count / 1000}k /32 + CIDRs", new IndicatorSet(all.Select(Net))),
        };
        var lines = 0L;
        foreach (var (start, length) in blocks)
        {
            lines += data.AsSpan(start, length).Count((byte)'\n');
        }

        double Time(Action body)
        {
            body();
            var times = new List<double>();
            for (var r = 0; r < 5; r++)
            {
                // CPU time of the process, not wall time: on a loaded machine the thread waits for a core.
                var t = Process.GetCurrentProcess().TotalProcessorTime;
                body();
                times.Add((Process.GetCurrentProcess().TotalProcessorTime - t).TotalSeconds);
            }

            times.Sort();
            return times[2];
        }

        var count = Time(() =>
        {
            foreach (var (start, length) in blocks)
            {
                _ = data.AsSpan(start, length).Count((byte)'\n');
            }
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{n >> 20} MB, {lines} lines; count('\\n') {count * 1e9 / lines:F1} ns/line"));
        foreach (var (name, set) in sets)
        {
            var context = new ScanContext(set, 0, DateTime.MaxValue.Ticks);
            foreach (var general in Environment.GetEnvironmentVariable("PROFILE_GENERAL") == "1" ? new[] { false, true } : [false])
            {
                ChunkState state = new();
                var t = Time(() =>
                {
                    state = new ChunkState();
                    foreach (var (start, length) in blocks)
                    {
                        if (general)
                        {
                            ZeekTsvParser.ProcessGeneral(data.AsSpan(start, length), layout, context, state);
                        }
                        else
                        {
                            ZeekTsvParser.Process(data.AsSpan(start, length), layout, context, state);
                        }
                    }
                });
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(general ? "general" : "fast   ")} {name,-22} {t * 1e9 / lines,6:F1} ns/line  {t / count,5:F1}x count  records {state.Records} hits {state.Hits.Count}"));
            }
        }

        return 0;
    }
}

/// <summary><c>--feed-profile list</c>: CPU time of parsing a feed file with the bot's feed parser (the fixed cost's feed step).</summary>
internal static class FeedProfile
{
    public static int Run(string feed)
    {
        for (var r = 0; r < 5; r++)
        {
            // Baseline: reading and decoding the same characters in 64 K blocks, no parsing.
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            using (var plain = new StreamReader(feed, System.Text.Encoding.UTF8, true, 64 * 1024))
            {
                var block = new char[64 * 1024];
                while (plain.Read(block) > 0)
                {
                }
            }

            var decode = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.GetTimestamp();
            using var reader = new StreamReader(feed, System.Text.Encoding.UTF8, true, 64 * 1024);
            var result = ChatOpsBot.Connectors.Feeds.FeedParser.ParseAsync(reader, CancellationToken.None).GetAwaiter().GetResult();
            var parsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var set = new IndicatorSet(result.Indicators);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {r}: {result.Indicators.Count} indicators ({set.IsEmpty}): read+decode alone {decode.TotalMilliseconds:F0} ms cpu; parse {parsed.TotalMilliseconds:F0} ms cpu, + index {(Process.GetCurrentProcess().TotalProcessorTime - cpu - parsed).TotalMilliseconds:F0} ms cpu, {Stopwatch.GetElapsedTime(wall).TotalMilliseconds:F0} ms wall"));
        }

        return 0;
    }
}
