using System.Buffers;
using System.IO.Compression;

namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>
/// A worker: reads its work items through one pooled buffer and hands whole-line blocks to the parsers,
/// so memory stays at one buffer per thread whatever the file size.
/// </summary>
internal sealed class LineBlockReader : IDisposable
{
    public const int BufferSize = 1 << 20;

    private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize + 1);
    private readonly ScanContext _context;
    private readonly LocalLogFormat _format;
    private readonly CsvColumnOptions _columns;
    private readonly Action<string, string> _skipped;

    public LineBlockReader(ScanContext context, LocalLogFormat format, CsvColumnOptions columns, Action<string, string> skipped)
    {
        _context = context;
        _format = format;
        _columns = columns;
        _skipped = skipped;
    }

    public ChunkState State { get; } = new();

    public void Run(ScanWorkItem item, CancellationToken cancellationToken)
    {
        if (!item.IsGzip)
        {
            var position = item.Start;
            Pump(buffer =>
            {
                var want = (int)Math.Min(buffer.Length, item.End - position);
                if (want <= 0)
                {
                    return 0;
                }

                var n = RandomAccess.Read(item.Handle!, buffer[..want], position);
                position += n;
                return n;
            }, item.Layout!, 0, cancellationToken);
            return;
        }

        using var file = new FileStream(item.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        var capacity = BufferSize;
        var filled = 0;
        int n;
        while (filled < capacity && (n = gzip.Read(_buffer, filled, capacity - filled)) > 0)
        {
            filled += n;
        }

        if (!LogLayoutReader.TryRead(_buffer.AsSpan(0, filled), filled < capacity, _format, _columns, out var layout, out var error))
        {
            if (error is not null)
            {
                _skipped(item.Path, error);
            }

            return;
        }

        _buffer.AsSpan(layout!.HeaderLength, filled - layout.HeaderLength).CopyTo(_buffer);
        Pump(gzip.Read, layout, filled - layout.HeaderLength, cancellationToken);
    }

    private void Pump(ReadFunc read, LogLayout layout, int filled, CancellationToken cancellationToken)
    {
        var buffer = _buffer;
        const int Capacity = BufferSize; // one spare byte after it for a final '\n'
        var discarding = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = filled < Capacity ? read(buffer.AsSpan(filled, Capacity - filled)) : 0;
            var eof = n == 0;
            filled += n;
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
                        return;
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
                if (filled > 0)
                {
                    if (buffer[filled - 1] != (byte)'\n')
                    {
                        buffer[filled++] = (byte)'\n';
                    }

                    Parse(buffer.AsSpan(0, filled), layout);
                }

                return;
            }

            var data = buffer.AsSpan(0, filled);
            var last = data.LastIndexOf((byte)'\n');
            if (last < 0)
            {
                if (filled == Capacity)
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

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);

    private delegate int ReadFunc(Span<byte> buffer);
}
