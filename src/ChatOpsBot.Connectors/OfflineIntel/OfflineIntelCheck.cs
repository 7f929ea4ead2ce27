using System.Text.Json;
using ChatOpsBot.Core.Health;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.OfflineIntel;

/// <summary>
/// <c>check</c> line for the offline OTX export (<c>Intel:OfflineFile</c>): it exists, parses, and holds pulses with
/// indicators. An export without any fails: every lookup would answer "unknown", which is no answer.
/// </summary>
internal sealed class OfflineIntelCheck(IOptions<OfflineIntelOptions> options) : IConnectorCheck
{
    public string Name => "intel (Intel:OfflineFile)";

    public async Task<ConnectorHealth> CheckAsync(CancellationToken cancellationToken)
    {
        var path = options.Value.OfflineFile;
        if (string.IsNullOrWhiteSpace(path)) return ConnectorHealth.Fail("not configured");
        if (!File.Exists(path)) return ConnectorHealth.Fail($"'{path}' does not exist");
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous);
            using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            // The export is either the API page ({"results": [...]}) or a bare array of pulses, as OtxExportIntel reads it.
            var root = json.RootElement;
            var pulses = root.ValueKind == JsonValueKind.Array ? root
                : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array ? results
                : default;
            if (pulses.ValueKind != JsonValueKind.Array)
                return ConnectorHealth.Fail($"'{path}' is JSON but not an OTX pulse export (an array of pulses or {{\"results\": [...]}})");
            var count = pulses.GetArrayLength();
            var indicators = pulses.EnumerateArray().Sum(p =>
                p.ValueKind == JsonValueKind.Object && p.TryGetProperty("indicators", out var list) && list.ValueKind == JsonValueKind.Array ? list.GetArrayLength() : 0);
            return count == 0 || indicators == 0
                ? ConnectorHealth.Fail($"'{path}' has {count} pulses and {indicators} indicators: every lookup would answer unknown")
                : ConnectorHealth.Pass($"'{path}': {count} pulses, {indicators} indicators");
        }
        catch (JsonException e)
        {
            return ConnectorHealth.Fail($"'{path}' is not valid JSON: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ConnectorHealth.Fail($"'{path}' cannot be read: {e.Message}");
        }
    }
}
