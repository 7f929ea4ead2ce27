using System.Net;
using System.Text.Json;
using ChatOpsBot.Connectors.Common;
using ChatOpsBot.Core.Intel;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.OfflineIntel;

/// <summary>
/// Threat intel from an OTX pulse export on disk, for air-gapped hunts and the demo. Anything listed as an indicator
/// of a pulse is Malicious (an IP also when inside a CIDR indicator); anything else is Unknown.
/// The file is read once, on first use.
/// </summary>
public sealed class OtxExportIntel : IThreatIntel, IDisposable
{
    public const string SourceName = "offline OTX export";

    private readonly string _path;
    private readonly LoadOnce<OtxIndex> _index;

    public OtxExportIntel(IOptions<OfflineIntelOptions> options)
    {
        _path = options.Value.OfflineFile;
        _index = new LoadOnce<OtxIndex>(LoadAsync);
    }

    public async Task<IpIntel> LookupIpAsync(IPAddress ip, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ip);
        var pulses = (await _index.GetAsync(cancellationToken)).PulsesForAddress(ip);
        return new IpIntel(pulses.Count > 0 ? Verdict.Malicious : Verdict.Unknown, pulses, SourceName);
    }

    public async Task<IReadOnlyList<IPAddress>> GetPulseIpv4IndicatorsAsync(string pulseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pulseId);
        return (await _index.GetAsync(cancellationToken)).Ipv4Of(pulseId);
    }

    public async Task<IndicatorVerdict> LookupFileHashAsync(string hash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hash);
        return VerdictOf((await _index.GetAsync(cancellationToken)).PulsesForHash(hash));
    }

    public async Task<IndicatorVerdict> LookupUrlAsync(string url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        return VerdictOf((await _index.GetAsync(cancellationToken)).PulsesForUrl(url));
    }

    public void Dispose() => _index.Dispose();

    private static IndicatorVerdict VerdictOf(IReadOnlyList<PulseRef> pulses) => pulses.Count switch
    {
        0 => new IndicatorVerdict(Verdict.Unknown, $"not in the {SourceName}"),
        1 => new IndicatorVerdict(Verdict.Malicious, $"in pulse '{pulses[0].Name}'"),
        _ => new IndicatorVerdict(Verdict.Malicious, $"in {pulses.Count} pulses: {string.Join(", ", pulses.Select(p => $"'{p.Name}'"))}"),
    };

    private async Task<OtxIndex> LoadAsync(CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous);
        try
        {
            // The export is either the API page ({"results": [...]}) or a bare array; peek, rewind, then stream-deserialise.
            var pulses = await StartsWithArrayAsync(stream, cancellationToken)
                ? await JsonSerializer.DeserializeAsync<List<OtxPulseDto>>(stream, cancellationToken: cancellationToken)
                : (await JsonSerializer.DeserializeAsync<OtxExportDto>(stream, cancellationToken: cancellationToken))?.Results;
            // An export without a pulse would answer "unknown" for every indicator: a silent source, not a clean one.
            if (pulses is null || pulses.Count == 0)
                throw new InvalidDataException($"OTX export '{_path}' (Intel:OfflineFile) holds no pulse, so it cannot say anything about any indicator.");
            return new OtxIndex(pulses);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"OTX export '{_path}' (Intel:OfflineFile) is not valid JSON: {ex.Message}", ex);
        }
    }

    private static async Task<bool> StartsWithArrayAsync(FileStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer, cancellationToken);
        stream.Position = 0;
        foreach (var b in buffer.AsSpan(0, read))
        {
            // Skip whitespace and a UTF-8 byte order mark.
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                continue;
            }

            return b == (byte)'[';
        }

        return false;
    }
}
