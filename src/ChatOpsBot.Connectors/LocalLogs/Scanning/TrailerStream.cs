namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>Reads <paramref name="inner"/> to its end, then <paramref name="trailer"/>; read-only, forward-only.</summary>
internal sealed class TrailerStream(Stream inner, byte[] trailer) : Stream
{
    private int _trailerPosition = -1;

    /// <summary>Whether <paramref name="inner"/> has ended and the trailer is being read.</summary>
    public bool InTrailer => _trailerPosition >= 0;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (_trailerPosition < 0)
        {
            var n = inner.Read(buffer);
            if (n > 0)
            {
                return n;
            }

            _trailerPosition = 0;
        }

        var take = Math.Min(buffer.Length, trailer.Length - _trailerPosition);
        trailer.AsSpan(_trailerPosition, take).CopyTo(buffer);
        _trailerPosition += take;
        return take;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
