using System.Globalization;
using System.Net;
using System.Text;
using ChatOpsBot.Connectors.LocalLogs;
using ChatOpsBot.Core.Siem;

namespace ChatOpsBot.Connectors.Tests.LocalLogs;

/// <summary>
/// Issue 14: logs as Zeek and Suricata really write them (archive folders of every log type, flows with several
/// events, the "_" scope separator, gzip files larger than one read buffer). Fixtures are written here in the tools'
/// layouts; none is copied from a public capture.
/// </summary>
public sealed class LocalLogRealWorldTests : IDisposable
{
    private static readonly DateTimeOffset Day = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T0 = Day.AddHours(10);

    private readonly LocalLogTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static SiemQuery Query(DateTimeOffset from, DateTimeOffset to, params string[] indicators) =>
        new([.. indicators.Select(i => new IPNetwork(IPAddress.Parse(i), 32))], from, to, QueryPurpose.Hunt);

    private static string Epoch(DateTimeOffset time) => (time.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000000", CultureInfo.InvariantCulture);

    /// <summary>A Zeek TSV log as Zeek's ASCII writer lays it out (header, #types, #close).</summary>
    private static string ZeekLog(string path, string fields, string types, params string[] rows) =>
        "#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n" +
        $"#path\t{path}\n#open\t2026-11-26-10-00-00\n#fields\t{fields}\n#types\t{types}\n" +
        string.Concat(rows.Select(r => r + "\n")) + "#close\t2026-11-26-11-00-00\n";

    private const string ConnFields = "ts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration\torig_bytes\tresp_bytes\tconn_state\tlocal_orig\tlocal_resp\tmissed_bytes\thistory\torig_pkts\torig_ip_bytes\tresp_pkts\tresp_ip_bytes\ttunnel_parents";
    private const string ConnTypes = "time\tstring\taddr\tport\taddr\tport\tenum\tstring\tinterval\tcount\tcount\tstring\tbool\tbool\tcount\tstring\tcount\tcount\tcount\tcount\tset[string]";

    private static string ConnRow(DateTimeOffset ts, string uid, string orig, string resp, int origBytes, int respBytes) =>
        $"{Epoch(ts)}\t{uid}\t{orig}\t49{uid.Length:D3}\t{resp}\t443\ttcp\tssl\t12.503112\t{origBytes}\t{respBytes}\tSF\tT\tF\t0\tShADadFf\t12\t1500\t11\t9000\t(empty)";

    private static string HttpLog(DateTimeOffset ts, string uid, string orig, string resp) => ZeekLog("http",
        "ts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\ttrans_depth\tmethod\thost\turi\tuser_agent\trequest_body_len\tresponse_body_len\tstatus_code",
        "time\tstring\taddr\tport\taddr\tport\tcount\tstring\tstring\tstring\tstring\tcount\tcount\tcount",
        $"{Epoch(ts)}\t{uid}\t{orig}\t49200\t{resp}\t80\t1\tGET\tupdate.example.net\t/news.php\tMozilla/5.0\t0\t2048\t200");

    private static string SshLog(DateTimeOffset ts, string uid, string orig, string resp) => ZeekLog("ssh",
        "ts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tversion\tauth_success\tauth_attempts\tdirection\tclient\tserver",
        "time\tstring\taddr\tport\taddr\tport\tcount\tbool\tcount\tenum\tstring\tstring",
        $"{Epoch(ts)}\t{uid}\t{orig}\t50022\t{resp}\t22\t2\tF\t3\tOUTBOUND\tSSH-2.0-OpenSSH_9.6\tSSH-2.0-OpenSSH_8.9");

    [Fact]
    public async Task QueryAsync_GzippedZeekJsonOverOneBuffer_ReadsToTheLastLine()
    {
        // Zeek's JSON writer: one object per line, no header, so the first read fills the whole buffer.
        var sb = new StringBuilder();
        var lines = 0;
        while (sb.Length < (1 << 20) + (200 << 10))
        {
            var ts = T0.AddSeconds(lines);
            sb.Append(CultureInfo.InvariantCulture, $"{{\"ts\":{Epoch(ts)},\"uid\":\"C{lines:x8}rdpXq\",\"id.orig_h\":\"10.20.{lines % 250}.{lines % 200 + 1}\",\"id.orig_p\":{40000 + (lines % 20000)},")
              .Append(CultureInfo.InvariantCulture, $"\"id.resp_h\":\"172.16.{lines % 100}.{lines % 250 + 1}\",\"id.resp_p\":3389,\"proto\":\"tcp\",\"service\":\"rdp\",\"duration\":4.61,")
              .Append("\"orig_bytes\":1809,\"resp_bytes\":3421,\"conn_state\":\"SF\",\"local_orig\":true,\"local_resp\":true,\"missed_bytes\":0,\"history\":\"ShADadfF\",")
              .Append("\"orig_pkts\":21,\"orig_ip_bytes\":2913,\"resp_pkts\":19,\"resp_ip_bytes\":4417}\n");
            lines++;
        }

        sb.Append(CultureInfo.InvariantCulture, $"{{\"ts\":{Epoch(T0.AddHours(2))},\"uid\":\"CLastLine1\",\"id.orig_h\":\"10.20.0.9\",\"id.orig_p\":51515,\"id.resp_h\":\"198.51.100.66\",\"id.resp_p\":443,\"proto\":\"tcp\",\"orig_bytes\":700,\"resp_bytes\":300}}\n");
        var path = _files.WriteGzip("rdp-and-conn.json.gz", sb.ToString());

        var result = await LocalLogTestFiles.QueryAsync(path, Query(Day, Day.AddDays(1), "198.51.100.66"));

        var hit = Assert.Single(result.Hits);
        Assert.Equal(("10.20.0.9", 1L, 1000L), (hit.Host, hit.Connections, hit.Bytes));
        Assert.Equal(lines + 1, result.RecordsScanned);
        Assert.Empty(result.Coverage!.Files);
    }

    [Fact]
    public async Task QueryAsync_GzippedEveOverOneBuffer_CountsEveryFlowOfEveryC2()
    {
        var sb = new StringBuilder();
        var flows = 0;
        while (sb.Length < (1700 << 10))
        {
            var c2 = flows % 40 == 0 ? "203.0.113.50" : flows % 97 == 0 ? "203.0.113.51" : $"93.184.{flows % 200}.{flows % 250 + 1}";
            sb.Append(CultureInfo.InvariantCulture, $"{{\"timestamp\":\"2026-11-26T10:{flows / 60 % 60:D2}:{flows % 60:D2}.{flows % 1000:D3}211+0000\",\"flow_id\":{1_000_000_000 + flows},")
              .Append(CultureInfo.InvariantCulture, $"\"in_iface\":\"ens18\",\"event_type\":\"flow\",\"src_ip\":\"10.1.{flows % 4}.{flows % 50 + 10}\",\"src_port\":{50000 + (flows % 9000)},\"dest_ip\":\"{c2}\",\"dest_port\":443,")
              .Append("\"proto\":\"TCP\",\"app_proto\":\"tls\",\"flow\":{\"pkts_toserver\":7,\"pkts_toclient\":6,\"bytes_toserver\":900,\"bytes_toclient\":4100,")
              .Append("\"start\":\"2026-11-26T10:00:00.000000+0000\",\"end\":\"2026-11-26T10:00:02.000000+0000\",\"age\":2,\"state\":\"closed\",\"reason\":\"timeout\",\"alerted\":false},")
              .Append("\"tcp\":{\"tcp_flags\":\"1b\",\"syn\":true,\"fin\":true,\"psh\":true,\"ack\":true,\"state\":\"closed\"}}\n");
            flows++;
        }

        var path = _files.WriteGzip("eve.json.gz", sb.ToString());
        var expected51 = Enumerable.Range(0, flows).Count(f => f % 40 != 0 && f % 97 == 0);

        var result = await LocalLogTestFiles.QueryAsync(path, Query(Day, Day.AddDays(1), "203.0.113.50", "203.0.113.51"));

        Assert.Equal((flows + 39) / 40, result.Hits.Where(h => h.RemoteIp == "203.0.113.50").Sum(h => h.Connections));
        Assert.Equal(expected51, result.Hits.Where(h => h.RemoteIp == "203.0.113.51").Sum(h => h.Connections));
        Assert.Equal(flows, result.RecordsScanned);
    }

    [Fact]
    public async Task QueryAsync_EveFlowWithAlerts_CountsTheFlowOnceWithFlowBytesAndSignatures()
    {
        // An IcedID-style session: two alerts (one on a server-to-client packet) and the flow's own record, one flow_id.
        const string Tls = "\"app_proto\":\"tls\",\"tls\":{\"sni\":\"nofiyaxe.example\",\"version\":\"TLS 1.2\"}";
        var path = _files.Write("eve.json",
            "{\"timestamp\":\"2026-11-26T10:00:01.102336+0000\",\"flow_id\":1131874229187653,\"in_iface\":\"ens18\",\"event_type\":\"alert\",\"src_ip\":\"10.1.2.30\",\"src_port\":49797,\"dest_ip\":\"203.0.113.77\",\"dest_port\":443,\"proto\":\"TCP\",\"direction\":\"to_server\"," +
            "\"alert\":{\"action\":\"allowed\",\"gid\":1,\"signature_id\":2900001,\"rev\":1,\"signature\":\"TEST MALWARE IcedID \\\"photo\\\" loader request\",\"category\":\"A Network Trojan was detected\",\"severity\":1}," + Tls + "," +
            "\"flow\":{\"pkts_toserver\":4,\"pkts_toclient\":3,\"bytes_toserver\":517,\"bytes_toclient\":1400,\"start\":\"2026-11-26T10:00:00.981023+0000\"}}\n" +
            "{\"timestamp\":\"2026-11-26T10:00:01.310020+0000\",\"flow_id\":1131874229187653,\"in_iface\":\"ens18\",\"event_type\":\"alert\",\"src_ip\":\"203.0.113.77\",\"src_port\":443,\"dest_ip\":\"10.1.2.30\",\"dest_port\":49797,\"proto\":\"TCP\",\"direction\":\"to_client\"," +
            "\"alert\":{\"action\":\"allowed\",\"gid\":1,\"signature_id\":2900002,\"rev\":1,\"signature\":\"TEST JA3S suspicious server hello\",\"category\":\"Potentially Bad Traffic\",\"severity\":2}," + Tls + "," +
            "\"flow\":{\"pkts_toserver\":5,\"pkts_toclient\":5,\"bytes_toserver\":700,\"bytes_toclient\":5200,\"start\":\"2026-11-26T10:00:00.981023+0000\"}}\n" +
            "{\"timestamp\":\"2026-11-26T10:00:01.320000+0000\",\"flow_id\":1131874229187653,\"event_type\":\"tls\",\"src_ip\":\"10.1.2.30\",\"src_port\":49797,\"dest_ip\":\"203.0.113.77\",\"dest_port\":443,\"proto\":\"TCP\"," + Tls + "}\n" +
            "{\"timestamp\":\"2026-11-26T10:01:05.000871+0000\",\"flow_id\":1131874229187653,\"in_iface\":\"ens18\",\"event_type\":\"flow\",\"src_ip\":\"10.1.2.30\",\"src_port\":49797,\"dest_ip\":\"203.0.113.77\",\"dest_port\":443,\"proto\":\"TCP\",\"app_proto\":\"tls\"," +
            "\"flow\":{\"pkts_toserver\":31,\"pkts_toclient\":40,\"bytes_toserver\":4120,\"bytes_toclient\":48813,\"start\":\"2026-11-26T10:00:00.981023+0000\",\"end\":\"2026-11-26T10:00:05.412000+0000\",\"age\":5,\"state\":\"closed\",\"reason\":\"timeout\",\"alerted\":true}}\n" +
            // A second session whose flow record is not written yet: its alert's byte counts are all there is.
            "{\"timestamp\":\"2026-11-26T10:05:00.000001+0000\",\"flow_id\":1131874229190000,\"event_type\":\"alert\",\"src_ip\":\"10.1.2.30\",\"src_port\":49811,\"dest_ip\":\"203.0.113.77\",\"dest_port\":443,\"proto\":\"TCP\",\"direction\":\"to_server\"," +
            "\"alert\":{\"signature_id\":2900001,\"signature\":\"TEST MALWARE IcedID \\\"photo\\\" loader request\",\"severity\":1},\"flow\":{\"bytes_toserver\":300,\"bytes_toclient\":0}}\n");

        var result = await LocalLogTestFiles.QueryAsync(path, Query(Day, Day.AddDays(1), "203.0.113.77"));

        var hit = Assert.Single(result.Hits);
        Assert.Equal(("10.1.2.30", 2L, 4120L + 48813L + 300L, HitDirection.Outbound), (hit.Host, hit.Connections, hit.Bytes, hit.Direction));
        Assert.Equal("Suricata alerts: TEST JA3S suspicious server hello; TEST MALWARE IcedID \"photo\" loader request", hit.Evidence);
        Assert.Equal(5, result.RecordsScanned);
    }

    [Fact]
    public async Task QueryAsync_ZeekArchiveRoot_ReadsConnLogsOfTheWindowsDaysOnceAndReportsTheRest()
    {
        const string Beacon = "198.51.100.23";
        // Zeek's archive: one folder per day of hourly gzipped logs, plus current/ for the logs being written.
        _files.WriteGzip("zeek/2026-11-26/conn.10:00:00-11:00:00.log.gz", ZeekLog("conn", ConnFields, ConnTypes,
            ConnRow(T0, "CwGh7x3RcfTuBrVgyf", "10.3.0.14", Beacon, 310, 1180), ConnRow(T0.AddMinutes(5), "CkRBX24aUzbvbU4hf8", "10.3.0.14", Beacon, 290, 1200)));
        _files.WriteGzip("zeek/2026-11-26/http.10:00:00-11:00:00.log.gz", HttpLog(T0, "CwGh7x3RcfTuBrVgyf", "10.3.0.14", Beacon));
        _files.WriteGzip("zeek/2026-11-26/ssh.10:00:00-11:00:00.log.gz", SshLog(T0.AddMinutes(5), "CkRBX24aUzbvbU4hf8", "10.3.0.14", Beacon));
        _files.WriteGzip("zeek/2026-11-26/dns.10:00:00-11:00:00.log.gz", ZeekLog("dns", "ts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tquery",
            "time\tstring\taddr\tport\taddr\tport\tstring", $"{Epoch(T0)}\tCdns1\t10.3.0.14\t5353\t{Beacon}\t53\tupdate.example.net"));
        // A day far from the window: a hit there must not be read.
        _files.WriteGzip("zeek/2026-11-02/conn.10:00:00-11:00:00.log.gz", ZeekLog("conn", ConnFields, ConnTypes,
            ConnRow(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero), "Cold000000000000001", "10.3.0.99", Beacon, 1, 1)));
        _files.Write("zeek/current/conn.log", ZeekLog("conn", ConnFields, ConnTypes, ConnRow(T0.AddHours(1), "CcurrentCcurrent01", "10.3.0.15", Beacon, 10, 20)));
        _files.Write("zeek/current/http.log", HttpLog(T0.AddHours(1), "CcurrentCcurrent01", "10.3.0.15", Beacon));
        // A conn-looking name is not enough: #path says what the file holds.
        _files.Write("zeek/current/export-0001.log", HttpLog(T0.AddHours(1), "CcurrentCcurrent01", "10.3.0.15", Beacon));

        var result = await LocalLogTestFiles.QueryAsync(_files.PathOf("zeek"), Query(Day, Day.AddDays(1), Beacon));

        Assert.Equal([("10.3.0.14", 2L), ("10.3.0.15", 1L)], result.Hits.Select(h => (h.Host, h.Connections)));
        Assert.Equal(3, result.RecordsScanned);
        var coverage = result.Coverage!;
        Assert.Equal(2, coverage.FilesRead);
        Assert.All(coverage.Files, f => Assert.Equal(CoverageFileStatus.Ignored, f.Status));
        Assert.Contains(coverage.Files, f => f.Path == _files.PathOf("zeek/2026-11-26") && f.Reason.Contains("3 Zeek logs of other types", StringComparison.Ordinal)
            && f.Reason.EndsWith("dns, http, ssh", StringComparison.Ordinal));
        Assert.Contains(coverage.Files, f => f.Path == _files.PathOf("zeek/current") && f.Reason.Contains("http", StringComparison.Ordinal));
        Assert.Contains(coverage.Files, f => f.Path == _files.PathOf("zeek") && f.Reason == "1 archive day folder outside the window not read (2026-11-02)");
    }

    [Fact]
    public async Task QueryAsync_ZeekCurrentFolder_ConnOnlyNotHttpOrSsh()
    {
        const string Beacon = "198.51.100.23";
        _files.Write("current/conn.log", ZeekLog("conn", ConnFields, ConnTypes, ConnRow(T0, "CwGh7x3RcfTuBrVgyf", "10.3.0.14", Beacon, 310, 1180)));
        _files.Write("current/http.log", HttpLog(T0, "CwGh7x3RcfTuBrVgyf", "10.3.0.14", Beacon));
        _files.Write("current/ssh.log", SshLog(T0, "CwGh7x3RcfTuBrVgyf", "10.3.0.14", Beacon));

        var result = await LocalLogTestFiles.QueryAsync(_files.PathOf("current"), Query(Day, Day.AddDays(1), Beacon));

        Assert.Equal(1, Assert.Single(result.Hits).Connections);
        var ignored = Assert.Single(result.Coverage!.Files);
        Assert.Equal((CoverageFileStatus.Ignored, "2 Zeek logs of other types than conn, not connections: http, ssh"), (ignored.Status, ignored.Reason));
    }

    [Fact]
    public async Task QueryAsync_ZeekJsonStreamTaggedWithPath_CountsConnRecordsOnly()
    {
        // Log shippers (json-streaming-logs) tag each record with _path and may mix log types in one file.
        var path = _files.Write("zeek-stream.json",
            $"{{\"_path\":\"conn\",\"_write_ts\":\"2026-11-26T10:00:05.000000Z\",\"ts\":\"2026-11-26T10:00:00.000000Z\",\"uid\":\"C1\",\"id.orig_h\":\"10.3.0.14\",\"id.orig_p\":49200,\"id.resp_h\":\"198.51.100.23\",\"id.resp_p\":80,\"proto\":\"tcp\",\"orig_bytes\":10,\"resp_bytes\":20}}\n" +
            $"{{\"_path\":\"http\",\"_write_ts\":\"2026-11-26T10:00:05.000000Z\",\"ts\":\"2026-11-26T10:00:00.100000Z\",\"uid\":\"C1\",\"id.orig_h\":\"10.3.0.14\",\"id.orig_p\":49200,\"id.resp_h\":\"198.51.100.23\",\"id.resp_p\":80,\"method\":\"GET\",\"host\":\"update.example.net\"}}\n");

        var result = await LocalLogTestFiles.QueryAsync(path, Query(Day, Day.AddDays(1), "198.51.100.23"));

        Assert.Equal((1L, 30L), (Assert.Single(result.Hits).Connections, result.Hits[0].Bytes));
    }

    [Fact]
    public async Task QueryAsync_ZeekUnderscoreScopeSeparator_TsvAndJsonAreRead()
    {
        // Log::default_scope_sep = "_": id.orig_h is written id_orig_h.
        var tsv = _files.Write("underscore/conn.log", ZeekLog("conn", ConnFields.Replace("id.", "id_", StringComparison.Ordinal), ConnTypes,
            ConnRow(T0, "CunderscoreTsv0001", "10.3.0.14", "198.51.100.23", 1, 2)));
        var json = _files.Write("underscore/conn.json",
            $"{{\"ts\":{Epoch(T0.AddSeconds(1))},\"uid\":\"CunderscoreJson001\",\"id_orig_h\":\"10.3.0.15\",\"id_orig_p\":49200,\"id_resp_h\":\"198.51.100.23\",\"id_resp_p\":443,\"proto\":\"tcp\",\"orig_bytes\":3,\"resp_bytes\":4}}\n");

        var result = await LocalLogTestFiles.QueryAsync(_files.PathOf("underscore"), Query(Day, Day.AddDays(1), "198.51.100.23"));

        Assert.Equal([("10.3.0.14", 3L), ("10.3.0.15", 7L)], result.Hits.Select(h => (h.Host, h.Bytes)));
        Assert.Equal((2, 0L), (result.Coverage!.FilesRead, result.Coverage.MalformedRecords));
        Assert.True(File.Exists(tsv) && File.Exists(json));
    }
}
