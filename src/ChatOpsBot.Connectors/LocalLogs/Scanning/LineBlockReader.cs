using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using ChatOpsBot.Core.Siem;

namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>
/// A worker: reads its work items through one pooled buffer and hands whole-line blocks to the parsers,
/// so memory stays at one buffer per thread whatever the file size. What goes wrong with a file (an I/O error,
/// a gzip stream cut short or corrupt) is recorded on the file and the scan goes on with the next item.
/// </summary>
internal sealed class LineBlockReader : IDisposable
{
    public const int DefaultBufferSize = 1 << 20;

    private readonly byte[] _buffer;
    private readonly int _capacity;
    private readonly ScanContext _context;
    private readonly LocalLogFormat _format;
    private readonly CsvColumnOptions _columns;

    /// <param name="context">The indicators and the window.</param>
    /// <param name="format">The configured format.</param>
    /// <param name="columns">CSV column names.</param>
    /// <param name="bufferSize">Bytes per read (tests use small ones so that lines straddle many buffer boundaries).</param>
    public LineBlockReader(ScanContext context, LocalLogFormat format, CsvColumnOptions columns, int bufferSize = DefaultBufferSize)
    {
        _context = context;
        _format = format;
        _columns = columns;
        _capacity = bufferSize;
        _buffer = ArrayPool<byte>.Shared.Rent(bufferSize + 1); // one spare byte after it for a final '\n'
    }

    public ChunkState State { get; } = new();

    public void Run(ScanWorkItem item, CancellationToken cancellationToken)
    {
        try
        {
            if (item.IsGzip)
            {
                RunGzip(item, cancellationToken);
            }
            else
            {
                RunPlain(item, cancellationToken);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            item.File.Fail(CoverageFileStatus.Unreadable, $"read failed: {e.Message}");
        }
    }

    private void RunPlain(ScanWorkItem item, CancellationToken cancellationToken)
    {
        var position = item.Start;
        var shrank = false;
        Pump(buffer =>
        {
            var want = (int)Math.Min(buffer.Length, item.End - position);
            if (want <= 0)
            {
                return 0;
            }

            var n = RandomAccess.Read(item.Handle!, buffer[..want], position);
            shrank |= n == 0;
            position += n;
            return n;
        }, item.Layout!, 0, expectMarker: false, cancellationToken);
        if (shrank)
        {
            item.File.Fail(CoverageFileStatus.Truncated, "the file shrank while it was read (truncated or rotated meanwhile)");
        }
    }

    private void RunGzip(ScanWorkItem item, CancellationToken cancellationToken)
    {
        var before = State.Records;
        using var file = new FileStream(item.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        using var source = GzipEnd.WithSentinel(file);
        using var gzip = new GZipStream(source, CompressionMode.Decompress);
        string? broken = null;
        // A bad CRC or deflate data ends the stream like its end would, so that what was decompressed before is parsed.
        int Read(Span<byte> buffer)
        {
            if (broken is not null)
            {
                return 0;
            }

            try
            {
                return gzip.Read(buffer);
            }
            catch (InvalidDataException)
            {
                // Past the file's end the error is the sentinel read as the rest of a member cut short.
                broken = source.InTrailer ? "gzip stream ends early" : "gzip data corrupt (CRC or deflate error)";
                return 0;
            }
        }

        var capacity = _capacity;
        var filled = 0;
        int n;
        while (filled < capacity && (n = Read(_buffer.AsSpan(filled, capacity - filled))) > 0)
        {
            filled += n;
        }

        var ended = filled < capacity && broken is null && GzipEnd.Strip(_buffer, ref filled);
        if (!LogLayoutReader.TryRead(_buffer.AsSpan(0, filled), filled < capacity, _format, _columns, out var layout, out var error))
        {
            if (error is not null)
            {
                item.File.Fail(CoverageFileStatus.Unusable, error);
            }
            else if (!ended)
            {
                item.File.Fail(CoverageFileStatus.Truncated, $"{broken ?? "gzip stream ends early"} before any record; gzip -t fails");
            }

            return;
        }

        if (LogScanner.OtherZeekType(layout!, _format) is { } type)
        {
            item.File.Ignore(type);
            return;
        }

        _buffer.AsSpan(layout!.HeaderLength, filled - layout.HeaderLength).CopyTo(_buffer);
        ended |= Pump(Read, layout, filled - layout.HeaderLength, expectMarker: !ended && broken is null, cancellationToken);
        if (!ended || broken is not null)
        {
            item.File.Fail(CoverageFileStatus.Truncated, $"{broken ?? "gzip stream ends early"} after {Count(State.Records - before)} records; gzip -t fails");
        }
    }

    /// <summary>Parses whole lines until <paramref name="read"/> returns 0; returns whether the data ended with the gzip end marker (then removed).</summary>
    private bool Pump(ReadFunc read, LogLayout layout, int filled, bool expectMarker, CancellationToken cancellationToken)
    {
        var buffer = _buffer;
        var capacity = _capacity;
        var discarding = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // A full buffer is data still to parse (a header-less file's first megabyte), not the end of the file.
            var eof = false;
            if (filled < capacity)
            {
                var n = read(buffer.AsSpan(filled, capacity - filled));
                eof = n == 0;
                filled += n;
            }

            if (discarding)
            {
                // Inside a line longer than the buffer: drop it up to its end, count it once.
                var end = buffer.AsSpan(0, filled).IndexOf((byte)'\n');
                if (end < 0)
                {
                    filled = 0;
                    if (eof)
                    {
                        State.Malformed++;
                        return false;
                    }

                    continue;
                }

                State.Malformed++;
                discarding = false;
                buffer.AsSpan(end + 1, filled - end - 1).CopyTo(buffer);
                filled -= end + 1;
            }

            if (eof)
            {
                var marked = expectMarker && GzipEnd.Strip(buffer, ref filled);
                if (filled > 0)
                {
                    if (buffer[filled - 1] != (byte)'\n')
                    {
                        buffer[filled++] = (byte)'\n';
                    }

                    Parse(buffer.AsSpan(0, filled), layout);
                }

                return marked;
            }

            var data = buffer.AsSpan(0, filled);
            var last = data.LastIndexOf((byte)'\n');
            if (last < 0)
            {
                if (filled == capacity)
                {
                    discarding = true;
                    filled = 0;
                }

                continue;
            }

            Parse(data[..(last + 1)], layout);
            data[(last + 1)..].CopyTo(buffer);
            filled -= last + 1;
        }
    }

    private void Parse(ReadOnlySpan<byte> block, LogLayout layout)
    {
        switch (layout.Format)
        {
            case LocalLogFormat.ZeekTsv:
                ZeekTsvParser.Process(block, layout, _context, State);
                break;
            case LocalLogFormat.Csv:
                CsvLineParser.Process(block, layout, _context, State);
                break;
            default:
                JsonLineParser.Process(block, layout, _context, State);
                break;
        }
    }

    private static string Count(long records) => records.ToString("N0", CultureInfo.InvariantCulture);

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);

    private delegate int ReadFunc(Span<byte> buffer);
}
