using ChatOpsBot.Core.Health;
using CsvHelper;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Assets;

/// <summary><c>check</c> line for the asset inventory (<c>Assets:File</c>): it exists and its header has the columns the hunt reads.</summary>
internal sealed class AssetInventoryCheck(IOptions<AssetInventoryOptions> options) : IConnectorCheck
{
    private static readonly string[] RequiredColumns = ["host", "user", "email"];

    public string Name => "assets (Assets:File)";

    public async Task<ConnectorHealth> CheckAsync(CancellationToken cancellationToken)
    {
        var path = options.Value.File;
        if (string.IsNullOrWhiteSpace(path)) return ConnectorHealth.Fail("not configured");
        if (!File.Exists(path)) return ConnectorHealth.Fail($"'{path}' does not exist");
        try
        {
            var csvOptions = CsvReaderOptions.Default with { Separator = ',', HasHeader = true, TrimWhitespace = true, SkipEmptyLines = true };
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 16 * 1024, FileOptions.Asynchronous);
            using var csv = CsvReader.Create(stream, csvOptions, leaveOpen: false);
            await csv.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
            var missing = RequiredColumns.Where(c => !csv.TryGetFieldIndex(c, out _)).ToList();
            if (missing.Count > 0)
                return ConnectorHealth.Fail($"'{path}' has no {string.Join(", ", missing.Select(c => $"'{c}'"))} column; expected header host,user,email");
            var rows = 0;
            while (await csv.ReadAsync(cancellationToken).ConfigureAwait(false)) rows++;
            return rows == 0 ? ConnectorHealth.Fail($"'{path}' lists no host") : ConnectorHealth.Pass($"'{path}': {rows} hosts, columns host,user,email present");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return ConnectorHealth.Fail($"'{path}' cannot be read: {e.Message}");
        }
    }
}
