using ChatOpsBot.Connectors.Common;
using ChatOpsBot.Core.Assets;
using CsvHelper;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Assets;

/// <summary>
/// Host → user lookup from a CSV with columns <c>host,user,email</c> (any order, any case, extra columns ignored).
/// The file is read once, on first use. When a host appears twice, the first row wins.
/// </summary>
public sealed class CsvAssetInventory : IAssetInventory, IDisposable
{
    private static readonly string[] RequiredColumns = ["host", "user", "email"];

    private readonly string _path;
    private readonly LoadOnce<Dictionary<string, AssetRecord>> _rows;

    public CsvAssetInventory(IOptions<AssetInventoryOptions> options)
    {
        _path = options.Value.File;
        _rows = new LoadOnce<Dictionary<string, AssetRecord>>(LoadAsync);
    }

    public async Task<AssetRecord?> FindByHostAsync(string host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var rows = await _rows.GetAsync(cancellationToken);
        return rows.GetValueOrDefault(Key(host));
    }

    public void Dispose() => _rows.Dispose();

    // IPs are compared in canonical form so "2001:DB8::1" finds "2001:db8:0::1"; names case-insensitively.
    private static string Key(string host) =>
        IpIndicatorParser.TryParseAddress(host, out var ip, out _) ? ip.ToString() : host.Trim();

    private async Task<Dictionary<string, AssetRecord>> LoadAsync(CancellationToken cancellationToken)
    {
        var options = CsvReaderOptions.Default with { Separator = ',', HasHeader = true, TrimWhitespace = true, SkipEmptyLines = true };
        await using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 16 * 1024, FileOptions.Asynchronous);
        using var csv = CsvReader.Create(stream, options, leaveOpen: false);
        await csv.ReadHeaderAsync(cancellationToken);

        var index = new int[RequiredColumns.Length];
        for (var i = 0; i < RequiredColumns.Length; i++)
        {
            if (!csv.TryGetFieldIndex(RequiredColumns[i], out index[i]))
            {
                throw new InvalidDataException($"Asset inventory '{_path}' (Assets:File) has no '{RequiredColumns[i]}' column; expected header host,user,email.");
            }
        }

        var rows = new Dictionary<string, AssetRecord>(StringComparer.OrdinalIgnoreCase);
        while (await csv.ReadAsync(cancellationToken))
        {
            var host = csv.GetString(index[0]).Trim();
            if (host.Length > 0)
            {
                rows.TryAdd(Key(host), new AssetRecord(host, csv.GetString(index[1]).Trim(), csv.GetString(index[2]).Trim()));
            }
        }

        return rows;
    }
}
