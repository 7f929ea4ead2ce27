using System.IO.Compression;
using System.Net;
using System.Text;
using ChatOpsBot.Connectors.LocalLogs;
using ChatOpsBot.Core.Siem;

namespace ChatOpsBot.Connectors.Tests.LocalLogs;

public sealed class LocalLogSiemTests : IDisposable
{
    private const string ZeekHeader =
        "#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\tconn\n#open\t2026-11-27-10-00-00\n" +
        "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration\torig_bytes\tresp_bytes\tconn_state\n" +
        "#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tinterval\tcount\tcount\tstring\n";

    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1700000000);

    private readonly LocalLogTestFiles _files = new();

    private static SiemQuery Query(params string[] indicators) => Query(T0.AddDays(-1), T0.AddDays(1), indicators);

    private static SiemQuery Query(DateTimeOffset from, DateTimeOffset to, params string[] indicators) =>
        new([.. indicators.Select(i => i.Contains('/', StringComparison.Ordinal) ? IPNetwork.Parse(i) : new IPNetwork(IPAddress.Parse(i), i.Contains(':', StringComparison.Ordinal) ? 128 : 32))],
            from, to, QueryPurpose.Hunt);

    private static string Tsv(string ts, string orig, string resp, string origBytes = "10", string respBytes = "20") =>
        $"{ts}\tCuid\t{orig}\t5000\t{resp}\t443\ttcp\t-\t1.0\t{origBytes}\t{respBytes}\tSF\n";

    [Fact]
    public async Task QueryAsync_ZeekTsvOutbound_AggregatesPerPair()
    {
        var path = _files.Write("conn.log", ZeekHeader + Tsv("1700000000.500000", "10.0.0.5", "203.0.113.9") + Tsv("1700000100.250000", "10.0.0.5", "203.0.113.9", "1", "2")
            + Tsv("1700000050.000000", "10.0.0.6", "198.51.100.1") + "#close\t2026-11-27-11-00-00\n");

        var result = await LocalLogTestFiles.QueryAsync(path, Query("203.0.113.9"));

        var hit = Assert.Single(result.Hits);
        Assert.Equal(new C2Hit("10.0.0.5", "203.0.113.9", T0.AddSeconds(0.5), T0.AddSeconds(100.25), 2, 33, HitDirection.Outbound), hit);
        Assert.Equal(3, result.RecordsScanned);
    }

    [Fact]
    public async Task QueryAsync_ZeekUnsetAndEmptyBytes_CountAsZero()
    {
        var path = _files.Write("conn.log", ZeekHeader + Tsv("1700000000.0", "10.0.0.5", "203.0.113.9", "-", "(empty)") + Tsv("1700000001", "10.0.0.5", "203.0.113.9", "-", "7"));

        var hit = Assert.Single((await LocalLogTestFiles.QueryAsync(path, Query("203.0.113.9"))).Hits);

        Assert.Equal(7, hit.Bytes);
        Assert.Equal(2, hit.Connections);
    }

    [Fact]
    public async Task QueryAsync_ZeekFieldsInOtherOrderWithoutTypes_LocatesColumnsByName()
    {
        var content = "#separator \\x09\n#fields\tuid\tid.resp_h\tresp_bytes\tid.orig_h\tts\torig_bytes\n" +
            "C1\t203.0.113.9\t5\t10.0.0.7\t1700000000.000001\t6\n";
        var path = _files.Write("conn.log", content);

        var hit = Assert.Single((await LocalLogTestFiles.QueryAsync(path, Query("203.0.113.9"))).Hits);

        Assert.Equal(new C2Hit("10.0.0.7", "203.0.113.9", T0.AddTicks(10), T0.AddTicks(10), 1, 11, HitDirection.Outbound), hit);
    }

    [Fact]
    public async Task QueryAsync_ZeekWithoutHeaderAndCrLf_UsesDefaultConnLayout()
    {
        var path = _files.Write("conn.log", "#path\tconn\r\n" + Tsv("1700000000", "10.0.0.5", "203.0.113.9").Replace("\n", "\r\n", StringComparison.Ordinal));

        var hit = Assert.Single((await LocalLogTestFiles.QueryAsync(path, Query("203.0.113.9"), LocalLogFormat.ZeekTsv)).Hits);

        Assert.Equal(30, hit.Bytes);
    }

    [Fact]
    public async Task QueryAsync_TimeWindow_FromInclusiveToExclusive()
    {
        var path = _files.Write("conn.log", ZeekHeader + Tsv("1699999999.999999", "10.0.0.1", "203.0.113.9") + Tsv("1700000000", "10.0.0.2", "203.0.113.9")
            + Tsv("1700000059.999999", "10.0.0.3", "203.0.113.9") + Tsv("1700000060", "10.0.0.4", "203.0.113.9"));

        var result = await LocalLogTestFiles.QueryAsync(path, Query(T0, T0.AddMinutes(1), "203.0.113.9"));

        Assert.Equal(["10.0.0.2", "10.0.0.3"], result.Hits.Select(h => h.Host));
        Assert.Equal(4, result.RecordsScanned);
    }

    [Fact]
    public async Task QueryAsync_IndicatorAsOriginatorAndResponder_ReportsInboundOutboundAndBoth()
    {
        var path = _files.Write("conn.log", ZeekHeader + Tsv("1700000000", "203.0.113.9", "10.0.0.1") + Tsv("1700000001", "10.0.0.2", "203.0.113.9")
            + Tsv("1700000002", "10.0.0.3", "203.0.113.9") + Tsv("1700000003", "203.0.113.9", "10.0.0.3"));

        var result = await LocalLogTestFiles.QueryAsync(path, Query("203.0.113.9"));

        Assert.Equal([("10.0.0.1", HitDirection.Inbound), ("10.0.0.2", HitDirection.Outbound), ("10.0.0.3", HitDirection.Both)],
            result.Hits.Select(h => (h.Host, h.Direction)));
        Assert.Equal(2, result.Hits[2].Connections);
    }

    [Fact]
    public async Task QueryAsync_CidrIndicators_ReportActualAddressesForV4AndV6()
    {
        var path = _files.Write("conn.log", ZeekHeader + Tsv("1700000000", "10.0.0.1", "198.51.100.77") + Tsv("1700000001", "10.0.0.1", "198.51.101.1")
            + Tsv("1700000002", "fd00::1", "2001:DB8:0:0:0:0:0:42") + Tsv("1700000003", "fd00::1", "2001:db9::1"));

        var result = await LocalLogTestFiles.QueryAsync(path, Query("198.51.100.0/24", "2001:db8::/32"));

        Assert.Equal([("198.51.100.77", "10.0.0.1"), ("2001:db8::42", "fd00::1")], result.Hits.Select(h => (h.RemoteIp, h.Host)));
    }

    [Fact]
    public async Task QueryAsync_ExactIpv6Indicator_MatchesCanonicalAndLongForms()
    {
        var path = _files.Write("conn.log", ZeekHeader + Tsv("1700000000", "2001:db8::1", "2001:0db8:0000:0000:0000:0000:0000:0002") + Tsv("1700000001", "::ffff:10.0.0.1", "2001:db8::2"));

        var result = await LocalLogTestFiles.QueryAsync(path, Query("2001:db8::2"));

        Assert.Equal([("2001:db8::1", 1L), ("::ffff:10.0.0.1", 1L)], result.Hits.Select(h => (h.Host, h.Connections)));
        Assert.All(result.Hits, h => Assert.Equal("2001:db8::2", h.RemoteIp));
    }

    [Fact]
    public async Task QueryAsync_GarbageLines_SkippedNotFatal()
    {
        var path = _files.Write("conn.log", ZeekHeader + "garbage\n\x01\x02\t\t\n" + Tsv("1700000000", "10.0.0.1", "203.0.113.9")
            + Tsv("1700000000", "10.0.0.1", "203.0.113.999") + Tsv("yesterday", "10.0.0.1", "203.0.113.9") + "1700000000\tC\t10.0.0.1\n" + Tsv("1700000001", "10.0.0.1", "203.0.113.9"));

        var result = await LocalLogTestFiles.QueryAsync(path, Query("203.0.113.9"));

        Assert.Equal(2, Assert.Single(result.Hits).Connections);
        Assert.Equal(7, result.RecordsScanned);
    }

    [Theory]
    [InlineData("1700000000.123456", 1234560)]
    [InlineData("1700000000", 0)]
    [InlineData("\"2023-11-14T22:13:20.123456Z\"", 1234560)]
    [InlineData("\"2023-11-14T23:13:20.5+01:00\"", 5000000)]
    public async Task QueryAsync_ZeekJsonTimestampVariants_ParseToUtc(string ts, long ticks)
    {
        var path = _files.Write("conn.json",
            $"{{\"ts\":{ts},\"uid\":\"C1\",\"id.orig_h\":\"10.0.0.1\",\"id.orig_p\":5000,\"id.resp_h\":\"203.0.113.9\",\"id.resp_p\":443,\"proto\":\"tcp\",\"orig_bytes\":3}}\n");

        var hit = Assert.Single((await LocalLogTestFiles.QueryAsync(path, Query("203.0.113.9"))).Hits);

        Assert.Equal(T0.AddTicks(ticks), hit.FirstSeen);
        Assert.Equal(3, hit.Bytes);
    }

    [Fact]
    public async Task QueryAsync_EveFlowAlertAndOtherEvents_UsesFlowAndAlertOnly()
    {
        var path = _files.Write("eve.json",
            "{\"timestamp\":\"2023-11-14T22:13:20.000000+0000\",\"event_type\":\"flow\",\"src_ip\":\"10.0.0.1\",\"src_port\":1,\"dest_ip\":\"203.0.113.9\",\"dest_port\":443,\"flow\":{\"pkts_toserver\":1,\"bytes_toserver\":100,\"bytes_toclient\":200}}\n" +
            "{\"timestamp\":\"2023-11-14T22:13:21.000000+0000\",\"event_type\":\"alert\",\"src_ip\":\"10.0.0.1\",\"dest_ip\":\"203.0.113.9\",\"alert\":{\"signature\":\"ET CNC\"}}\n" +
            "{\"timestamp\":\"2023-11-14T22:13:22.000000+0000\",\"event_type\":\"dns\",\"src_ip\":\"10.0.0.1\",\"dest_ip\":\"203.0.113.9\",\"dns\":{}}\n" +
            "{\"timestamp\":\"2023-11-14T22:13:23.000000+0000\",\"event_type\":\"stats\",\"stats\":{}}\n");

        var result = await LocalLogTestFiles.QueryAsync(path, Query("203.0.113.9"));

        // Without flow_id each flow or alert event is a connection of its own.
        Assert.Equal(new C2Hit("10.0.0.1", "203.0.113.9", T0, T0.AddSeconds(1), 2, 300, HitDirection.Outbound) { Evidence = "Suricata alerts: ET CNC" }, Assert.Single(result.Hits));
        Assert.Equal(4, result.RecordsScanned);
    }

    [Fact]
    public async Task QueryAsync_CsvWithCustomColumns_ReadsNamedColumns()
    {
        var path = _files.Write("flows.csv", "ts,te,sa,da,ibyt\n2023-11-14 22:13:20.000,x,10.0.0.1,203.0.113.9,42\n1700000001.5,x,203.0.113.9,10.0.0.2,8\n\"1700000002\",x,\"10.0.0.3\",\"203.0.113.9\",1\n");
        var columns = new CsvColumnOptions { Timestamp = "ts", SourceIp = "sa", DestinationIp = "da", Bytes = "ibyt" };

        var result = await LocalLogTestFiles.QueryAsync(path, Query("203.0.113.9"), columns: columns);

        Assert.Equal([("10.0.0.1", HitDirection.Outbound, 42L), ("10.0.0.2", HitDirection.Inbound, 8L), ("10.0.0.3", HitDirection.Outbound, 1L)],
            result.Hits.Select(h => (h.Host, h.Direction, h.Bytes)));
    }

    [Fact]
    public async Task QueryAsync_CsvWithDefaultColumnsAndBom_Matches()
    {
        var path = _files.Write("flows.csv", "\uFEFFts,src_ip,dest_ip,bytes\r\n1700000000,10.0.0.1,203.0.113.9,5\r\n");

        var hit = Assert.Single((await LocalLogTestFiles.QueryAsync(path, Query("203.0.113.9"))).Hits);

        Assert.Equal(5, hit.Bytes);
    }

    [Fact]
    public async Task QueryAsync_DirectoryOfRotatedPlainAndGzipFiles_ScansAll()
    {
        _files.Write("logs/conn.log", ZeekHeader + Tsv("1700000000", "10.0.0.1", "203.0.113.9"));
        await using (var gz = new GZipStream(File.Create(_files.PathOf("logs/conn.00:00:00-01:00:00.log.gz")), CompressionLevel.Fastest))
        {
            gz.Write(Encoding.UTF8.GetBytes(ZeekHeader + Tsv("1700000010", "10.0.0.1", "203.0.113.9") + Tsv("1700000020", "10.0.0.2", "203.0.113.9")));
        }

        _files.Write("logs/empty.log", "");

        var result = await LocalLogTestFiles.QueryAsync(_files.PathOf("logs"), Query("203.0.113.9"));

        Assert.Equal([("10.0.0.1", 2L), ("10.0.0.2", 1L)], result.Hits.Select(h => (h.Host, h.Connections)));
        Assert.Equal(T0.AddSeconds(10), result.Hits[0].LastSeen);
        Assert.Equal(3, result.RecordsScanned);
    }

    [Fact]
    public async Task QueryAsync_LastLineWithoutNewline_IsScanned()
    {
        var path = _files.Write("conn.log", ZeekHeader + Tsv("1700000000", "10.0.0.1", "203.0.113.9").TrimEnd('\n'));

        Assert.Single((await LocalLogTestFiles.QueryAsync(path, Query("203.0.113.9"))).Hits);
    }

    [Fact]
    public async Task QueryAsync_Cancelled_Throws()
    {
        var path = _files.Write("conn.log", ZeekHeader + Tsv("1700000000", "10.0.0.1", "203.0.113.9"));
        var siem = LocalLogTestFiles.Siem(new LocalLogsOptions { Paths = [path] });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => siem.QueryAsync(Query("203.0.113.9"), new CancellationToken(canceled: true)));
    }

    public void Dispose() => _files.Dispose();
}
