using System.Buffers;
using System.Collections.Concurrent;
using ChatOpsBot.Core.Siem;
using Microsoft.Win32.SafeHandles;

namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>
/// Scans files in parallel: plain files are cut into line-aligned ranges read with positional reads into
/// pooled buffers (no mapping, so resident memory does not follow file size); gzip files stream whole.
/// Every file given ends up read in full or with a <see cref="CoverageFile"/> saying why not.
/// </summary>
internal sealed class LogScanner(LocalLogFormat format, CsvColumnOptions columns, int maxDegreeOfParallelism)
{
    /// <summary>Target size of one range of a plain file; small enough to balance cores, large enough to amortise.</summary>
    public long RangeSize { get; init; } = 16L << 20;

    /// <summary>Bytes a worker reads at once (and the most a header may take); tests make it small to move the boundaries.</summary>
    public int BufferSize { get; init; } = LineBlockReader.DefaultBufferSize;

    public ScanOutcome Scan(IReadOnlyList<string> files, ScanContext context, CancellationToken cancellationToken)
    {
        var handles = new List<SafeFileHandle>();
        try
        {
            var items = new List<ScanWorkItem>();
            var scanned = new List<ScannedFile>(files.Count);
            foreach (var path in files)
            {
                var file = new ScannedFile(path);
                scanned.Add(file);
                try
                {
                    Plan(file, items, handles);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    file.Fail(CoverageFileStatus.Unreadable, $"read failed: {e.Message}");
                }
            }

            // Largest first so that a big gzip file does not start last.
            items.Sort((a, b) => (b.IsGzip ? long.MaxValue : b.Length).CompareTo(a.IsGzip ? long.MaxValue : a.Length));
            var total = new ChunkState();
            var gate = new object();
            var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
            Parallel.ForEach(
                Partitioner.Create(items, EnumerablePartitionerOptions.NoBuffering),
                options,
                () => new LineBlockReader(context, format, columns, BufferSize),
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
            return new ScanOutcome(total.Hits, total.Records, total.Malformed, total.InWindow, total.MinTicks, total.MaxTicks, scanned);
        }
        finally
        {
            foreach (var handle in handles)
            {
                handle.Dispose();
            }
        }
    }

    /// <summary>The Zeek log type of a file that holds another log than conn (by its #path or _path), else null.</summary>
    public static string? OtherZeekType(LogLayout layout, LocalLogFormat configured) =>
        configured is LocalLogFormat.Auto or LocalLogFormat.ZeekTsv or LocalLogFormat.ZeekJson
        && layout.ZeekPath is { } path && !path.Equals(ZeekLogTypes.Connections, StringComparison.OrdinalIgnoreCase)
            ? path.ToLowerInvariant()
            : null;

    private void Plan(ScannedFile file, List<ScanWorkItem> items, List<SafeFileHandle> handles)
    {
        var path = file.Path;
        // A Zeek directory holds http.log, dns.log ... beside conn.log: known by name, they are not even opened.
        if (format is LocalLogFormat.Auto or LocalLogFormat.ZeekTsv or LocalLogFormat.ZeekJson && ZeekLogTypes.OtherTypeByName(path) is { } named)
        {
            file.Ignore(named);
            return;
        }

        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        byte[]? head = null;
        var keep = false;
        try
        {
            var length = RandomAccess.GetLength(handle);
            head = ArrayPool<byte>.Shared.Rent((int)Math.Min(BufferSize, Math.Max(length, 1)));
            var n = ReadFully(handle, head.AsSpan(0, (int)Math.Min(BufferSize, length)), 0);
            if (n >= 2 && head[0] == 0x1F && head[1] == 0x8B)
            {
                items.Add(new ScanWorkItem(file, null, null, 0, length));
                return;
            }

            if (!LogLayoutReader.TryRead(head.AsSpan(0, n), n == length, format, columns, out var layout, out var error))
            {
                if (error is not null)
                {
                    file.Fail(CoverageFileStatus.Unusable, error);
                }

                return; // else empty: read, nothing in it
            }

            if (OtherZeekType(layout!, format) is { } type)
            {
                file.Ignore(type);
                return;
            }

            keep = true;
            var start = (long)layout!.HeaderLength;
            while (start < length)
            {
                var end = start + RangeSize >= length ? length : NextLineStart(handle, start + RangeSize, length);
                items.Add(new ScanWorkItem(file, handle, layout, start, end));
                start = end;
            }
        }
        finally
        {
            if (head is not null)
            {
                ArrayPool<byte>.Shared.Return(head);
            }

            if (keep)
            {
                handles.Add(handle);
            }
            else
            {
                handle.Dispose();
            }
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
