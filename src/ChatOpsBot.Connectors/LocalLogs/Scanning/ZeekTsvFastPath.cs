using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>
/// The common Zeek TSV line, handled with bitmasks: two 32-byte compares at the line start give the positions
/// of every separator in its first 64 bytes, from which the timestamp and the two address columns are cut;
/// the line end is found with further 32-byte compares. The timestamp's integer seconds decide the window
/// (the full parse only at the window's edges and on hits), IPv4 addresses are parsed from one 16-byte load,
/// the /32 table is probed inline and CIDR tables only when some exist. Any line that does not fit
/// (comment, blank, CR, IPv6, fields beyond byte 64, too few fields, near the block end) goes to
/// <see cref="ZeekTsvParser.ProcessGeneral"/>, so results are those of the general path.
/// </summary>
internal static class ZeekTsvFastPath
{
    /// <summary>Bytes at a line start searched for the separators of the wanted columns (two halves of 64).</summary>
    private const int Window = 128;

    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

    /// <summary>Lines starting closer than this to the block end go to the general path (loads stay inside).</summary>
    private const int Margin = Window + 64;

    public static bool Supports(LogLayout layout) =>
        Vector256.IsHardwareAccelerated && Vector128.IsHardwareAccelerated && BitConverter.IsLittleEndian
        && layout.LastCoreColumn < 64 && layout.Separator != (byte)'\n';

    // Hot loop: compiled fully optimised at first call (R2R cannot pre-compile the Vector256 code, and tier-0 plus OSR
    // would run the first megabytes of every scan slowly).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void Process(ReadOnlySpan<byte> block, LogLayout layout, ScanContext context, ChunkState state)
    {
        ref var b0 = ref MemoryMarshal.GetReference(block);
        var length = block.Length;
        var sepV = Vector256.Create(layout.Separator);
        var nlV = Vector256.Create((byte)'\n');
        int tsCol = layout.Timestamp, srcCol = layout.Source, dstCol = layout.Destination, lastCol = layout.LastCoreColumn;
        var need = lastCol + 1; // separators that must precede the line's '\n'
        var indicators = context.Indicators;
        var exact = indicators.V4Exact;
        long firstSecond = context.FirstWholeSecond, lastSecond = context.LastWholeSecond;
        long records = 0, inWindow = 0;
        // The time range seen, in whole seconds: two compares a line; the exact ticks would cost a full parse each.
        long minSecond = long.MaxValue, maxSecond = long.MinValue;
        var pos = 0;
        // The lookup of each line is done one line later, after its filter words were prefetched: with a large list
        // the filter misses cache, and the wait then overlaps the next line's parsing. Lines are independent, so the
        // order in which hits reach the general path does not matter.
        var pendingPos = -1;
        uint pendingSource = 0, pendingDestination = 0;
        while (pos <= length - Margin)
        {
            ref var p = ref Unsafe.Add(ref b0, pos);
            var first = p;
            var v0 = Vector256.LoadUnsafe(ref p);
            var v1 = Vector256.LoadUnsafe(ref p, 32);
            ulong nlA = Vector256.Equals(v0, nlV).ExtractMostSignificantBits() | ((ulong)Vector256.Equals(v1, nlV).ExtractMostSignificantBits() << 32);
            ulong sepA = Vector256.Equals(v0, sepV).ExtractMostSignificantBits() | ((ulong)Vector256.Equals(v1, sepV).ExtractMostSignificantBits() << 32);
            sepA &= (nlA & (0 - nlA)) - 1; // separators before the first '\n' (all when there is none)
            ulong nlB = 0, sepB = 0;
            var count = BitOperations.PopCount(sepA);
            if (count < need && nlA == 0)
            {
                var v2 = Vector256.LoadUnsafe(ref p, 64);
                var v3 = Vector256.LoadUnsafe(ref p, 96);
                nlB = Vector256.Equals(v2, nlV).ExtractMostSignificantBits() | ((ulong)Vector256.Equals(v3, nlV).ExtractMostSignificantBits() << 32);
                sepB = Vector256.Equals(v2, sepV).ExtractMostSignificantBits() | ((ulong)Vector256.Equals(v3, sepV).ExtractMostSignificantBits() << 32);
                sepB &= (nlB & (0 - nlB)) - 1;
                count += BitOperations.PopCount(sepB);
            }

            if (count < need || first == (byte)'#' || first == (byte)'\r')
            {
                pos += General(block, pos, layout, context, state);
                continue;
            }

            // Field boundaries of the wanted columns.
            int tsStart = 0, tsEnd = 0, srcStart = 0, srcEnd = 0, dstStart = 0, dstEnd = 0;
            var start = 0;
            for (var f = 0; f <= lastCol; f++)
            {
                int end;
                if (sepA != 0)
                {
                    end = BitOperations.TrailingZeroCount(sepA);
                    sepA &= sepA - 1;
                }
                else
                {
                    end = 64 + BitOperations.TrailingZeroCount(sepB);
                    sepB &= sepB - 1;
                }

                if (f == tsCol)
                {
                    (tsStart, tsEnd) = (start, end);
                }

                if (f == srcCol)
                {
                    (srcStart, srcEnd) = (start, end);
                }

                if (f == dstCol)
                {
                    (dstStart, dstEnd) = (start, end);
                }

                start = end + 1;
            }

            // Only plain timestamps (10 digits, optionally '.' and more digits) are read here.
            var seconds = EpochSeconds(ref Unsafe.Add(ref p, tsStart), tsEnd - tsStart);
            if (seconds < 0)
            {
                pos += General(block, pos, layout, context, state);
                continue;
            }

            minSecond = Math.Min(minSecond, seconds);
            maxSecond = Math.Max(maxSecond, seconds);

            // The line's end.
            int lineLength;
            if (nlA != 0)
            {
                lineLength = BitOperations.TrailingZeroCount(nlA) + 1;
            }
            else if (nlB != 0)
            {
                lineLength = 64 + BitOperations.TrailingZeroCount(nlB) + 1;
            }
            else
            {
                var at = 64; // (when the second half was loaded it had no '\n': the loop re-checks it, cheaply)
                while (true)
                {
                    if (pos + at + 32 > length)
                    {
                        lineLength = at + block[(pos + at)..].IndexOf((byte)'\n') + 1;
                        break;
                    }

                    var m = Vector256.Equals(Vector256.LoadUnsafe(ref p, (nuint)at), nlV).ExtractMostSignificantBits();
                    if (m != 0)
                    {
                        lineLength = at + BitOperations.TrailingZeroCount(m) + 1;
                        break;
                    }

                    at += 32;
                }
            }

            if (seconds < firstSecond || seconds > lastSecond)
            {
                // Outside the window or at its edges: the exact time decides (it parses: the text is plain).
                TimestampParser.TryParseEpoch(block.Slice(pos + tsStart, tsEnd - tsStart), out var ticks);
                if (!context.InWindow(ticks))
                {
                    records++;
                    pos += lineLength;
                    continue;
                }
            }

            if (!TryParseV4(ref Unsafe.Add(ref p, srcStart), srcEnd - srcStart, out var source) || !TryParseV4(ref Unsafe.Add(ref p, dstStart), dstEnd - dstStart, out var destination))
            {
                pos += General(block, pos, layout, context, state); // IPv6, or malformed
                continue;
            }

            exact.Prefetch(destination);
            exact.Prefetch(source);
            if (pendingPos >= 0)
            {
                var miss = Lookup(block, pendingPos, pendingSource, pendingDestination, layout, context, state);
                records += miss;
                inWindow += miss;
            }

            (pendingPos, pendingSource, pendingDestination) = (pos, source, destination);
            pos += lineLength;
        }

        if (pendingPos >= 0)
        {
            var miss = Lookup(block, pendingPos, pendingSource, pendingDestination, layout, context, state);
            records += miss;
            inWindow += miss;
        }

        state.Records += records;
        state.InWindow += inWindow;
        if (minSecond <= maxSecond)
        {
            state.Seen(UnixEpochTicks + (minSecond * TimeSpan.TicksPerSecond));
            state.Seen(UnixEpochTicks + (maxSecond * TimeSpan.TicksPerSecond));
        }

        if (pos < length)
        {
            ZeekTsvParser.ProcessGeneral(block[pos..], layout, context, state);
        }
    }

    /// <summary>
    /// Looks up a parsed line's addresses: a hit goes to the general path, which records it (and counts the line);
    /// returns 1 when the line is a miss, counted by the caller.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Lookup(ReadOnlySpan<byte> block, int pos, uint source, uint destination, LogLayout layout, ScanContext context, ChunkState state)
    {
        var indicators = context.Indicators;
        var exact = indicators.V4Exact;
        if (exact.Contains(destination) || exact.Contains(source)
            || (indicators.HasV4Cidrs && (indicators.ContainsV4Cidr(destination) || indicators.ContainsV4Cidr(source))))
        {
            General(block, pos, layout, context, state);
            return 0;
        }

        return 1;
    }

    /// <summary>Runs the general path on the one line at <paramref name="pos"/>; returns its length.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int General(ReadOnlySpan<byte> block, int pos, LogLayout layout, ScanContext context, ChunkState state)
    {
        var n = block[pos..].IndexOf((byte)'\n') + 1;
        ZeekTsvParser.ProcessGeneral(block.Slice(pos, n), layout, context, state);
        return n;
    }

    /// <summary>
    /// The integer seconds of a plain epoch timestamp (exactly 10 digits, optionally '.' and 1-21 more digits;
    /// TryParseEpoch reads all of these), or -1 for anything else. One 32-byte load (inside the block) checks the digits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long EpochSeconds(ref byte text, int length)
    {
        if ((uint)length > 32)
        {
            return -1;
        }

        var v = Vector256.LoadUnsafe(ref text);
        var inField = (uint)((1UL << length) - 1);
        var digits = Vector256.LessThan(v - Vector256.Create((byte)'0'), Vector256.Create((byte)10)).ExtractMostSignificantBits() & inField;
        if (length == 10 ? digits != 0x3FF : length < 12 || digits != (inField & ~(1u << 10)) || Unsafe.Add(ref text, 10) != (byte)'.')
        {
            return -1;
        }

        // Eight ASCII digits (first digit in the lowest byte) to their value, then two more.
        var x = Unsafe.ReadUnaligned<ulong>(ref text) - 0x3030303030303030UL;
        x = (x * 10) + (x >> 8);
        x = (((x & 0x000000FF000000FFUL) * (100 + (1000000UL << 32))) + (((x >> 16) & 0x000000FF000000FFUL) * (1 + (10000UL << 32)))) >> 32;
        return ((long)x * 100) + ((Unsafe.Add(ref text, 8) - '0') * 10) + (Unsafe.Add(ref text, 9) - '0');
    }

    /// <summary>
    /// A strict dotted quad (as <see cref="AddressParser.TryParseV4"/>) from one 16-byte load (inside the block):
    /// exactly three dots, everything else digits, octets of 1-3 digits read by their known length, each &lt;= 255.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryParseV4(ref byte text, int length, out uint value)
    {
        value = 0;
        if ((uint)(length - 7) > 8)
        {
            return false;
        }

        var v = Vector128.LoadUnsafe(ref text);
        var inField = (1u << length) - 1;
        var dots = Vector128.Equals(v, Vector128.Create((byte)'.')).ExtractMostSignificantBits() & inField;
        var digits = Vector128.LessThan(v - Vector128.Create((byte)'0'), Vector128.Create((byte)10)).ExtractMostSignificantBits() & inField;
        if ((dots | digits) != inField || BitOperations.PopCount(dots) != 3)
        {
            return false;
        }

        var d1 = BitOperations.TrailingZeroCount(dots);
        dots &= dots - 1;
        var d2 = BitOperations.TrailingZeroCount(dots);
        dots &= dots - 1;
        var d3 = BitOperations.TrailingZeroCount(dots);
        if ((uint)(d1 - 1) > 2 || (uint)(d2 - d1 - 2) > 2 || (uint)(d3 - d2 - 2) > 2 || (uint)(length - d3 - 2) > 2)
        {
            return false; // an empty octet or one of four digits
        }

        var a = Octet(ref text, 0, d1);
        var b = Octet(ref text, d1 + 1, d2 - d1 - 1);
        var c = Octet(ref text, d2 + 1, d3 - d2 - 1);
        var d = Octet(ref text, d3 + 1, length - d3 - 1);
        if ((a | b | c | d) > 255)
        {
            return false;
        }

        value = (a << 24) | (b << 16) | (c << 8) | d;
        return true;
    }

    /// <summary>1-3 digits (already checked) without a branch: four bytes read from the start, shifted so the last digit is byte 2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Octet(ref byte text, int start, int count)
    {
        var x = (Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref text, start)) - 0x30303030u) << (8 * (3 - count));
        return ((x & 0xFF) * 100) + (((x >> 8) & 0xFF) * 10) + ((x >> 16) & 0xFF);
    }
}
