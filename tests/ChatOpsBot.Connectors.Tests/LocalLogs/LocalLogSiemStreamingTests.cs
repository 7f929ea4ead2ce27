using System.Net;
using System.Text;
using ChatOpsBot.Connectors.LocalLogs;
using ChatOpsBot.Core.Siem;

namespace ChatOpsBot.Connectors.Tests.LocalLogs;

[CollectionDefinition(nameof(LocalLogSiemStreamingTests), DisableParallelization = true)]
public sealed class LocalLogSiemStreamingCollection;

/// <summary>Allocation, not time: the scan must not allocate in proportion to the file it reads.</summary>
[Collection(nameof(LocalLogSiemStreamingTests))]
public sealed class LocalLogSiemStreamingTests : IDisposable
{
    private const int TargetBytes = 64 << 20;

    private readonly LocalLogTestFiles _files = new();

    [Fact]
    public async Task QueryAsync_LargeFile_AllocatesFarLessThanFileSize()
    {
        var path = _files.PathOf("big-conn.log");
        await using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20))
        {
            await writer.WriteAsync("#separator \\x09\n#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration\torig_bytes\tresp_bytes\n");
            var line = 0L;
            while (writer.BaseStream.Length < TargetBytes)
            {
                line++;
                var resp = line % 1000 == 0 ? "203.0.113.9" : $"198.{line % 200}.{line % 251}.{line % 13}";
                await writer.WriteAsync($"{1700000000 + (line % 86400)}.{line % 1000000:D6}\tC{line:x12}\t10.0.{line % 200}.{line % 250}\t40000\t{resp}\t443\ttcp\tssl\t0.5\t100\t200\n");
            }
        }

        var siem = LocalLogTestFiles.Siem(new LocalLogsOptions { Paths = [path], MaxDegreeOfParallelism = 2 });
        var query = new SiemQuery([IPNetwork.Parse("203.0.113.9/32"), IPNetwork.Parse("192.0.2.0/24")], DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue, QueryPurpose.Hunt);
        await siem.QueryAsync(query, CancellationToken.None); // warm-up: JIT, thread pool, array pool

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = await siem.QueryAsync(query, CancellationToken.None);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.True(result.RecordsScanned > 500_000);
        Assert.Single(result.Hits);
        Assert.True(allocated < new FileInfo(path).Length / 16, $"allocated {allocated} bytes for a {new FileInfo(path).Length}-byte file");
    }

    public void Dispose() => _files.Dispose();
}
