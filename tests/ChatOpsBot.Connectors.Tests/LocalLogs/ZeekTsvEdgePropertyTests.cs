using System.Globalization;
using System.Net;
using System.Text;
using ChatOpsBot.Core.Siem;

namespace ChatOpsBot.Connectors.Tests.LocalLogs;

/// <summary>
/// The TSV fast path against the reference scanner on lines made to hit its edges: timestamps just inside and
/// outside the window (with and without fractions, odd shapes), CRLF endings, IPv6, long fields that push the
/// addresses past the first 64 bytes, short lines, malformed dotted quads and /32 versus CIDR indicators.
/// </summary>
public sealed class ZeekTsvEdgePropertyTests : IDisposable
{
    private static readonly DateTimeOffset From = new(2026, 1, 1, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new DateTimeOffset(2026, 1, 1, 7, 0, 0, TimeSpan.Zero).AddTicks(5_000_000); // half a second past

    private readonly LocalLogTestFiles _files = new();

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    [InlineData(6, true)]
    public void Scan_EdgeCaseLines_MatchesReferenceScanner(int seed, bool cidrs)
    {
        var random = new Random(seed);
        var indicators = new List<IPNetwork>
        {
            IPNetwork.Parse("203.0.113.7/32"), IPNetwork.Parse("198.51.100.200/32"), IPNetwork.Parse("2001:db8::7/128"),
            IPNetwork.Parse("1.2.3.4/32"), IPNetwork.Parse("100.64.10.1/32"),
        };
        if (cidrs)
        {
            indicators.AddRange([IPNetwork.Parse("192.0.2.0/24"), IPNetwork.Parse("10.20.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("45.0.0.0/8"), IPNetwork.Parse("9.9.9.8/31")]);
        }

        string[] hits = ["203.0.113.7", "198.51.100.200", "1.2.3.4", "100.64.10.1", "192.0.2.55", "10.20.30.40", "172.20.1.1", "45.6.7.8", "9.9.9.9", "2001:db8::7"];
        string[] misses = ["10.0.0.1", "10.0.0.12", "192.168.100.200", "8.8.8.8", "203.0.113.8", "1.2.3.40", "255.255.255.255", "0.0.0.0", "fd00::1", "2001:db8::8", "172.32.0.1", "46.0.0.1"];
        string[] malformed = ["1.2.3", "1.2.3.4.5", "256.1.1.1", "1..2.3", "1.2.3.4a", "", "-", "1.2.3.1000", "01.2.3.4", "001.002.003.004", "1.2.3.", ".1.2.3", "a.b.c.d", "1.2.3.4 "];
        var fromSeconds = From.ToUnixTimeSeconds();
        var toSeconds = To.ToUnixTimeSeconds();

        string Address()
        {
            var r = random.Next(20);
            return r < 5 ? hits[random.Next(hits.Length)] : r < 18 ? misses[random.Next(misses.Length)] : malformed[random.Next(malformed.Length)];
        }

        string Timestamp()
        {
            long seconds = random.Next(6) switch
            {
                0 => fromSeconds + random.Next(-2, 3),
                1 => toSeconds + random.Next(-2, 3),
                2 => fromSeconds - random.Next(3, 100_000),
                3 => toSeconds + random.Next(3, 100_000),
                _ => fromSeconds + random.Next(0, 3600),
            };
            var text = seconds.ToString(CultureInfo.InvariantCulture);
            return random.Next(12) switch
            {
                0 => text,
                1 => text + ".",
                2 => text + "." + new string('9', random.Next(1, 12)),
                3 => text + "." + random.Next(0, 10),
                4 => text[..^1] + "x.5",
                5 => "0" + text + ".5",
                6 => text[..^1] + ".123456",
                7 => text + ".12x456",
                8 => text + ".5" + "\u00e9",
                _ => text + "." + random.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture),
            };
        }

        var sb = new StringBuilder();
        sb.Append("#separator \\x09\n#path\tconn\n");
        sb.Append("#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration\torig_bytes\tresp_bytes\tconn_state\n");
        for (var i = 0; i < 6000; i++)
        {
            var uid = random.Next(15) == 0 ? "C" + new string('u', random.Next(20, 70)) : $"C{i:x8}AbCdEf";
            var source = random.Next(3) == 0 ? Address() : $"10.0.{random.Next(3)}.{random.Next(1, 40)}";
            var destination = Address();
            if (random.Next(4) == 0)
            {
                (source, destination) = (destination, source);
            }

            var line = random.Next(25) switch
            {
                0 => $"{Timestamp()}\t{uid}\t{source}\t1234\t{destination}",
                1 => $"{Timestamp()}\t{uid}\t{source}",
                2 => "",
                3 => "#close\t2026-01-01-00-00-00",
                _ => $"{Timestamp()}\t{uid}\t{source}\t{random.Next(65536)}\t{destination}\t443\ttcp\t-\t0.5\t{random.Next(100_000)}\t{(random.Next(5) == 0 ? "-" : random.Next(100_000).ToString(CultureInfo.InvariantCulture))}\tSF",
            };
            sb.Append(line).Append(random.Next(5) == 0 ? "\r\n" : "\n");
        }

        var path = _files.Write($"edge-{seed}.log", sb.ToString());
        var query = new SiemQuery(indicators, From, To, QueryPurpose.Hunt);
        var expected = ReferenceScanner.Scan([path], query);
        Assert.NotEmpty(expected.Hits);
        foreach (var rangeSize in new long[] { 1 << 20, 5000 + (seed * 313) })
        {
            var actual = LocalLogTestFiles.ScanSplit([path], query, rangeSize: rangeSize);
            Assert.Equal(expected.RecordsScanned, actual.RecordsScanned);
            Assert.Equal(expected.Hits, actual.Hits);
            ReferenceScanner.AssertSameCoverage(expected, actual);
        }
    }

    public void Dispose() => _files.Dispose();
}
