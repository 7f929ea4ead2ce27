using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using ChatOpsBot.Connectors.LocalLogs;
using ChatOpsBot.Core.Siem;

namespace ChatOpsBot.Connectors.Tests.LocalLogs;

/// <summary>Issue 11: every query says what it examined; a log that was not read, or not in full, is named with the reason.</summary>
public sealed class LocalLogCoverageTests : IDisposable
{
    private static readonly DateTimeOffset From = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddDays(1);
    private const string C2 = "203.0.113.9";

    private const string Header =
        "#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\tconn\n#open\t2026-11-26-00-00-00\n" +
        "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration\torig_bytes\tresp_bytes\tconn_state\n" +
        "#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tinterval\tcount\tcount\tstring\n";

    private readonly LocalLogTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static SiemQuery Query() => new([new IPNetwork(IPAddress.Parse(C2), 32)], From, To, QueryPurpose.Hunt);

    private static string Row(DateTimeOffset ts, string orig, string resp) =>
        $"{ts.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}.000000\tC{ts.Ticks % 1_000_000_007:x}\t{orig}\t49152\t{resp}\t443\ttcp\tssl\t1.5\t100\t200\tSF\n";

    private Task<SiemResult> QueryAsync(params string[] paths) =>
        LocalLogTestFiles.Siem(new LocalLogsOptions { Paths = paths, MaxDegreeOfParallelism = 2 }).QueryAsync(Query(), CancellationToken.None);

    [Fact]
    public async Task QueryAsync_CleanLog_CountsWhatWasReadWithTheTimeRange()
    {
        var path = _files.Write("conn.log", Header + Row(From.AddHours(1), "10.0.0.1", "198.51.100.1") + Row(From.AddHours(23), "10.0.0.2", C2) + Row(To.AddHours(1), "10.0.0.3", C2));

        var result = await QueryAsync(path);

        Assert.Equal(new SiemCoverage("local logs", 1, 3, 2, 0, From.AddHours(1), To.AddHours(1), []),
            result.Coverage! with { Files = [] });
        Assert.Empty(result.Coverage!.Files);
    }

    [Fact]
    public async Task QueryAsync_EmptyDirectory_ReadsNothingAndSaysSo()
    {
        Directory.CreateDirectory(_files.PathOf("empty"));

        var coverage = (await QueryAsync(_files.PathOf("empty"))).Coverage!;

        Assert.Equal((0, 0L, 0L, (DateTimeOffset?)null, (DateTimeOffset?)null), (coverage.FilesRead, coverage.RecordsRead, coverage.RecordsInWindow, coverage.Earliest, coverage.Latest));
        Assert.Equal("local logs", coverage.Source);
    }

    [Fact]
    public async Task QueryAsync_MissingPath_IsUnreadableDoesNotExist()
    {
        var good = _files.Write("conn.log", Header + Row(From.AddHours(1), "10.0.0.1", C2));
        var missing = _files.PathOf("gone/conn.log");

        var result = await QueryAsync(good, missing);

        Assert.Single(result.Hits);
        Assert.Equal(new CoverageFile(missing, CoverageFileStatus.Unreadable, "does not exist"), Assert.Single(result.Coverage!.Files));
        Assert.Equal(1, result.Coverage.FilesRead);
    }

    [Fact]
    public async Task QueryAsync_ZeekFieldsWithoutAddressColumns_IsUnusable()
    {
        var path = _files.Write("conn.log", Header.Replace("id.orig_h", "orig_host", StringComparison.Ordinal).Replace("id.resp_h", "resp_host", StringComparison.Ordinal)
            + Row(From.AddHours(1), "10.0.0.1", C2));

        var coverage = (await QueryAsync(path)).Coverage!;

        Assert.Equal(new CoverageFile(path, CoverageFileStatus.Unusable, "the #fields header lacks id.orig_h, id.resp_h"), Assert.Single(coverage.Files));
        Assert.Equal((0, 0L), (coverage.FilesRead, coverage.RecordsRead));
    }

    [Fact]
    public async Task QueryAsync_ZeekLogWithoutItsHeader_IsUnusableNoHeader()
    {
        var path = _files.Write("conn.log", Row(From.AddHours(1), "10.0.0.1", C2) + Row(From.AddHours(2), "10.0.0.2", C2));

        var file = Assert.Single((await QueryAsync(path)).Coverage!.Files);

        Assert.Equal(CoverageFileStatus.Unusable, file.Status);
        Assert.StartsWith("no header: tab-separated lines without Zeek's #fields header", file.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_CsvWithoutHeaderRow_IsUnusableNoHeader()
    {
        var path = _files.Write("flows.csv", "2026-11-26 01:00:00,10.0.0.1,203.0.113.9,300\n");

        var file = Assert.Single((await QueryAsync(path)).Coverage!.Files);

        Assert.Equal((CoverageFileStatus.Unusable, "no header row: the first line is data, not column names (ts, src_ip, dest_ip; LocalLogs:CsvColumns)"), (file.Status, file.Reason));
    }

    [Theory]
    [InlineData(new byte[] { 0xD4, 0xC3, 0xB2, 0xA1, 0x02, 0x00, 0x04, 0x00, 0x00, 0x00 }, "binary data (NUL bytes), not a text log")]
    [InlineData(new byte[] { 0x42, 0x5A, 0x68, 0x39, 0x31, 0x41, 0x59, 0x26 }, "bzip2-compressed: only gzip (.gz) logs are read")]
    [InlineData(new byte[] { 0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0x00, 0x04 }, "xz-compressed: only gzip (.gz) logs are read")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x23, 0x00, 0x66, 0x00 }, "UTF-16 text: only UTF-8 (or ASCII) logs are read")]
    public async Task QueryAsync_BinaryOrOtherCompression_IsUnusable(byte[] head, string reason)
    {
        var path = _files.PathOf("capture.bin");
        File.WriteAllBytes(path, [.. head, .. Encoding.ASCII.GetBytes("\n1764118800\tx\n")]);

        var file = Assert.Single((await QueryAsync(path)).Coverage!.Files);

        Assert.Equal(new CoverageFile(path, CoverageFileStatus.Unusable, reason), file);
    }

    [Fact]
    public async Task QueryAsync_GzipCutInHalf_MissesTheLaterHitAndNamesTheFileTruncated()
    {
        var sb = new StringBuilder(Header);
        var random = new Random(5);
        for (var i = 0; i < 20_000; i++)
        {
            sb.Append(Row(From.AddSeconds(i), $"10.0.{random.Next(256)}.{random.Next(1, 255)}", $"93.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}"));
        }

        sb.Append(Row(From.AddHours(12), "10.9.9.9", C2)); // the C2 connection is the last line
        var whole = _files.WriteGzip("conn.00:00:00-01:00:00.log.gz", sb.ToString());
        var bytes = File.ReadAllBytes(whole);
        var cut = _files.PathOf("cut/conn.00:00:00-01:00:00.log.gz");
        Directory.CreateDirectory(Path.GetDirectoryName(cut)!);
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);

        Assert.Single((await QueryAsync(whole)).Hits);
        var result = await QueryAsync(cut);

        Assert.Empty(result.Hits);
        var file = Assert.Single(result.Coverage!.Files);
        Assert.Equal((cut, CoverageFileStatus.Truncated), (file.Path, file.Status));
        Assert.Equal($"gzip stream ends early after {result.Coverage.RecordsRead.ToString("N0", CultureInfo.InvariantCulture)} records; gzip -t fails", file.Reason);
        Assert.InRange(result.Coverage.RecordsRead, 1_000, 19_999);
        Assert.Equal(0, result.Coverage.FilesRead);
    }

    [Theory]
    [InlineData(4)]  // the size field of the trailer
    [InlineData(10)] // the CRC-32 and size fields
    public async Task QueryAsync_GzipTrailerCutOrBroken_IsTruncated(int damage)
    {
        var path = _files.WriteGzip("conn.log.gz", Header + Row(From.AddHours(1), "10.0.0.1", C2));
        var bytes = File.ReadAllBytes(path);
        if (damage == 4)
        {
            File.WriteAllBytes(path, bytes[..^4]);
        }
        else
        {
            bytes[^7] ^= 0x5A;
            File.WriteAllBytes(path, bytes);
        }

        var file = Assert.Single((await QueryAsync(path)).Coverage!.Files);

        Assert.Equal(CoverageFileStatus.Truncated, file.Status);
        Assert.Contains("gzip -t fails", file.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_ConcatenatedGzipMembers_AreReadWholeWithoutAGap()
    {
        // `cat a.gz b.gz` (and some rotators) give one file of two gzip members.
        var a = File.ReadAllBytes(_files.WriteGzip("a.gz", Header + Row(From.AddHours(1), "10.0.0.1", C2)));
        var b = File.ReadAllBytes(_files.WriteGzip("b.gz", Row(From.AddHours(2), "10.0.0.1", C2)));
        var path = _files.PathOf("both/conn.log.gz");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [.. a, .. b]);

        var result = await QueryAsync(path);

        Assert.Equal(2, Assert.Single(result.Hits).Connections);
        Assert.Empty(result.Coverage!.Files);
        Assert.Equal(1, result.Coverage.FilesRead);
    }

    [Fact]
    public async Task QueryAsync_RecordsAllBeforeTheWindow_NoneInWindowButTheTimeRangeIsKnown()
    {
        var first = From.AddDays(-3);
        var path = _files.Write("conn.log", Header + Row(first, "10.0.0.1", C2) + Row(first.AddHours(5), "10.0.0.2", C2));

        var result = await QueryAsync(path);

        Assert.Empty(result.Hits);
        var coverage = result.Coverage!;
        Assert.Equal((1, 2L, 0L, 0L), (coverage.FilesRead, coverage.RecordsRead, coverage.RecordsInWindow, coverage.MalformedRecords));
        Assert.Equal(first, coverage.Earliest);
        Assert.Equal(first.AddHours(5), coverage.Latest);
        Assert.Empty(coverage.Files);
    }

    [Fact]
    public async Task QueryAsync_MalformedRecords_AreCounted()
    {
        var path = _files.Write("conn.log", Header + Row(From.AddHours(1), "10.0.0.1", C2) + "garbage line\n" + Row(From.AddHours(2), "10.0.0.1", "999.1.1.1"));

        var coverage = (await QueryAsync(path)).Coverage!;

        Assert.Equal((3L, 2L, 2L), (coverage.RecordsRead, coverage.RecordsInWindow, coverage.MalformedRecords));
    }
}
