using ChatOpsBot.Connectors.LocalLogs;
using ChatOpsBot.Core.Siem;

namespace ChatOpsBot.Connectors.Tests.LocalLogs;

public sealed class LocalLogSiemPropertyTests : IDisposable
{
    private readonly LocalLogTestFiles _files = new();

    public static TheoryData<LocalLogFormat, bool> Formats() => new()
    {
        { LocalLogFormat.ZeekTsv, false }, { LocalLogFormat.ZeekJson, false }, { LocalLogFormat.SuricataEve, false }, { LocalLogFormat.Csv, false },
        { LocalLogFormat.ZeekTsv, true }, { LocalLogFormat.ZeekJson, true }, { LocalLogFormat.SuricataEve, true }, { LocalLogFormat.Csv, true },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Scan_RandomLogs_MatchesReferenceScanner(LocalLogFormat format, bool gzip)
    {
        for (var seed = 1; seed <= 12; seed++)
        {
            var log = new SyntheticLog(seed * 31 + (int)format, lines: 400 + (seed * 97));
            var path = log.Write(_files.PathOf($"{format}-{seed}.log" + (gzip ? ".gz" : "")), format, gzip);
            var (from, to) = seed % 3 == 0 ? (SyntheticLog.Start, SyntheticLog.Start.AddDays(2)) : log.Window();
            var query = new SiemQuery(log.Indicators, from, to, QueryPurpose.Hunt);

            var expected = ReferenceScanner.Scan([path], query);
            var actual = LocalLogTestFiles.ScanSplit([path], query, rangeSize: 300 + (seed * 211));

            Assert.Equal(expected.RecordsScanned, actual.RecordsScanned);
            Assert.Equal(expected.Hits, actual.Hits);
            ReferenceScanner.AssertSameCoverage(expected, actual);
            Assert.NotEmpty(expected.Hits);
        }
    }

    /// <summary>
    /// A gzip file is read through one buffer: with buffers of many sizes, from one that the first read fills exactly
    /// (a header-less JSON file: the old end-of-file mistake) up, lines straddle every position of a buffer boundary.
    /// </summary>
    [Theory]
    [InlineData(LocalLogFormat.ZeekTsv)]
    [InlineData(LocalLogFormat.ZeekJson)]
    [InlineData(LocalLogFormat.SuricataEve)]
    [InlineData(LocalLogFormat.Csv)]
    public void Scan_GzipThroughSmallBuffers_LinesStraddleEveryBoundary_MatchesReferenceScanner(LocalLogFormat format)
    {
        var log = new SyntheticLog(1000 + (int)format, lines: 700);
        var path = log.Write(_files.PathOf($"straddle-{format}.log.gz"), format, gzip: true);
        var query = new SiemQuery(log.Indicators, SyntheticLog.Start, SyntheticLog.Start.AddDays(1), QueryPurpose.Hunt);
        var expected = ReferenceScanner.Scan([path], query);
        Assert.NotEmpty(expected.Hits);

        var longestLine = File.ReadAllLines(log.Write(_files.PathOf($"straddle-{format}.log"), format)).Max(l => l.Length);
        for (var bufferSize = 1024; bufferSize < 1024 + longestLine + 1; bufferSize += 7)
        {
            var actual = LocalLogTestFiles.ScanSplit([path], query, bufferSize: bufferSize);

            Assert.Equal(expected.RecordsScanned, actual.RecordsScanned);
            Assert.Equal(expected.Hits, actual.Hits);
            ReferenceScanner.AssertSameCoverage(expected, actual);
            Assert.Empty(actual.Coverage!.Files);
        }
    }

    [Fact]
    public async Task QueryAsync_DirectoryOfMixedFormats_MatchesReferenceScanner()
    {
        var log = new SyntheticLog(7, 900);
        var files = new List<string>
        {
            log.Write(_files.PathOf("mixed/conn.log"), LocalLogFormat.ZeekTsv),
            log.Write(_files.PathOf("mixed/conn.00:00:00-01:00:00.log.gz"), LocalLogFormat.ZeekTsv, gzip: true),
            log.Write(_files.PathOf("mixed/conn.json"), LocalLogFormat.ZeekJson),
            log.Write(_files.PathOf("mixed/eve.json.gz"), LocalLogFormat.SuricataEve, gzip: true),
            log.Write(_files.PathOf("mixed/flows.csv"), LocalLogFormat.Csv),
        };
        var query = new SiemQuery(log.Indicators, SyntheticLog.Start, SyntheticLog.Start.AddDays(1), QueryPurpose.Pivot);

        var expected = ReferenceScanner.Scan(files, query);
        var actual = await LocalLogTestFiles.QueryAsync(_files.PathOf("mixed"), query);

        Assert.Equal(expected.RecordsScanned, actual.RecordsScanned);
        Assert.Equal(expected.Hits, actual.Hits);
        ReferenceScanner.AssertSameCoverage(expected, actual);
        Assert.Contains(actual.Hits, h => h.Direction == HitDirection.Both);
        Assert.Contains(actual.Hits, h => h.RemoteIp.Contains(':', StringComparison.Ordinal));
    }

    public void Dispose() => _files.Dispose();
}
