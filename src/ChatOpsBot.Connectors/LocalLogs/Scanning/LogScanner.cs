using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.Win32.SafeHandles;

namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>
/// Scans files in parallel: plain files are cut into line-aligned ranges read with positional reads into
/// pooled buffers (no mapping, so resident memory does not follow file size); gzip files stream whole.
/// </summary>
internal sealed class LogScanner(LocalLogFormat format, CsvColumnOptions columns, int maxDegreeOfParallelism, Action<string, string> skipped)
{
    /// <summary>Target size of one range of a plain file; small enough to balance cores, large enough to amortise.</summary>
    public long RangeSize { get; init; } = 16L << 20;

    public ScanOutcome Scan(IReadOnlyList<string> files, ScanContext context, CancellationToken cancellationToken)
    {
        var handles = new List<SafeFileHandle>();
        try
        {
            var items = new List<ScanWorkItem>();
            foreach (var path in files)
            {
                Plan(path, items, handles);
            }

            // Largest first so that a big gzip file does not start last.
            items.Sort((a, b) => (b.IsGzip ? long.MaxValue : b.Length).CompareTo(a.IsGzip ? long.MaxValue : a.Length));
            var total = new ChunkState();
            var gate = new object();
            var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
            Parallel.ForEach(
                Partitioner.Create(items, EnumerablePartitionerOptions.NoBuffering),
                options,
                () => new LineBlockReader(context, format, columns, skipped),
                (item, _, reader) =>
                {
                    reader.Run(item, cancellationToken);
                    return reader;
                },
                reader =>
                {
                    lock (gate)
                    {
                        total.MergeFrom(reader.State);
                    }

                    reader.Dispose();
                });
            return new ScanOutcome(total.Hits, total.Records, total.Malformed, files.Count);
        }
        finally
        {
            foreach (var handle in handles)
            {
                handle.Dispose();
            }
        }
    }

    private void Plan(string path, List<ScanWorkItem> items, List<SafeFileHandle> handles)
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            skipped(path, e.Message);
            return;
        }

        var length = RandomAccess.GetLength(handle);
        var head = ArrayPool<byte>.Shared.Rent((int)Math.Min(LineBlockReader.BufferSize, Math.Max(length, 1)));
        try
        {
            var n = ReadFully(handle, head.AsSpan(0, (int)Math.Min(head.Length, length)), 0);
            if (n >= 2 && head[0] == 0x1F && head[1] == 0x8B)
            {
                handle.Dispose();
                items.Add(new ScanWorkItem(path, null, null, 0, length));
                return;
            }

            handles.Add(handle);
            if (!LogLayoutReader.TryRead(head.AsSpan(0, n), n == length, format, columns, out var layout, out var error))
            {
                if (error is not null)
                {
                    skipped(path, error);
                }

                return;
            }

            var start = (long)layout!.HeaderLength;
            while (start < length)
            {
                var end = start + RangeSize >= length ? length : NextLineStart(handle, start + RangeSize, length);
                items.Add(new ScanWorkItem(path, handle, layout, start, end));
                start = end;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(head);
        }
    }

    /// <summary>The offset just after the first '\n' at or after <paramref name="position"/> - 1 (a line start).</summary>
    private static long NextLineStart(SafeFileHandle handle, long position, long length)
    {
        Span<byte> window = stackalloc byte[4096];
        var at = position - 1;
        while (at < length)
        {
            var n = RandomAccess.Read(handle, window, at);
            if (n == 0)
            {
                break;
            }

            var nl = window[..n].IndexOf((byte)'\n');
            if (nl >= 0)
            {
                return at + nl + 1;
            }

            at += n;
        }

        return length;
    }

    private static int ReadFully(SafeFileHandle handle, Span<byte> buffer, long offset)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = RandomAccess.Read(handle, buffer[total..], offset + total);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }
}
