using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.Connectors.Tests.TestSupport;

namespace ChatOpsBot.Connectors.Tests.EndToEnd;

/// <summary>
/// AlienVault OTX DirectConnect v1 on loopback, knowing exactly the pulses of an export file
/// (<c>/api/v1/pulses/subscribed</c> page format): indicator <c>general</c> sections list the pulses that name the
/// indicator (200 with no pulses otherwise, as OTX answers), and a pulse's indicators are paged through <c>next</c>.
/// </summary>
public sealed class FakeOtx : IDisposable
{
    public const string ApiKey = "otx-e2e-key-0123456789abcdef";

    private readonly List<JsonObject> _pulses;

    public FakeOtx(string pulseExport)
    {
        _pulses = [.. JsonNode.Parse(File.ReadAllText(pulseExport))!["results"]!.AsArray().Select(p => p!.AsObject())];
        Server = new FakeApiServer(Handle);
    }

    public FakeApiServer Server { get; }

    public void Dispose() => Server.Dispose();

    private Task Handle(RecordedRequest r, HttpListenerResponse response, CancellationToken stopping)
    {
        if (r.Header("X-OTX-API-KEY") != ApiKey)
            return FakeApiServer.Json(response, """{"detail":"Authentication required"}""", 403);
        // A URL indicator stands in the path as OTX's SDK sends it (scheme, slashes and all): route on what surrounds it.
        const string urlPrefix = "/api/v1/indicators/url/", urlSuffix = "/general";
        if (r.Path.StartsWith(urlPrefix, StringComparison.Ordinal) && r.Path.EndsWith(urlSuffix, StringComparison.Ordinal) && r.Path.Length > urlPrefix.Length + urlSuffix.Length)
            return FakeApiServer.Json(response, General("url", Uri.UnescapeDataString(r.Path[urlPrefix.Length..^urlSuffix.Length])).ToJsonString());
        var parts = r.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        return parts switch
        {
            ["api", "v1", "indicators", var type, var value, "general"] => FakeApiServer.Json(response, General(type, value).ToJsonString()),
            ["api", "v1", "pulses", var id, "indicators"] => Indicators(id, r, response),
            _ => FakeApiServer.Json(response, """{"detail":"Not found."}""", 404),
        };
    }

    private JsonObject General(string type, string value)
    {
        var kinds = type switch
        {
            "IPv4" => new[] { "IPv4" },
            "IPv6" => ["IPv6"],
            "file" => ["FileHash-SHA256", "FileHash-SHA1", "FileHash-MD5"],
            "url" => ["URL"],
            _ => [],
        };
        var pulses = _pulses.Where(p => p["indicators"]!.AsArray().Any(i =>
                kinds.Contains(i!["type"]!.GetValue<string>()) && string.Equals(i["indicator"]!.GetValue<string>(), value, StringComparison.OrdinalIgnoreCase)))
            .Select(p => (JsonNode)new JsonObject
            {
                ["id"] = p["id"]!.DeepClone(),
                ["name"] = p["name"]!.DeepClone(),
                ["tags"] = p["tags"]!.DeepClone(),
                ["malware_families"] = p["malware_families"]!.DeepClone(),
                ["references"] = p["references"]?.DeepClone() ?? new JsonArray(),
            })
            .ToArray();
        return new JsonObject
        {
            ["indicator"] = value,
            ["type"] = type,
            ["validation"] = new JsonArray(),
            ["pulse_info"] = new JsonObject { ["count"] = pulses.Length, ["pulses"] = new JsonArray(pulses) },
        };
    }

    private Task Indicators(string id, RecordedRequest r, HttpListenerResponse response)
    {
        var pulse = _pulses.FirstOrDefault(p => p["id"]!.GetValue<string>() == id);
        if (pulse is null)
            return FakeApiServer.Json(response, """{"detail":"Not found."}""", 404);
        var limit = int.Parse(r.QueryValue("limit") ?? "10", System.Globalization.CultureInfo.InvariantCulture);
        var page = int.Parse(r.QueryValue("page") ?? "1", System.Globalization.CultureInfo.InvariantCulture);
        var all = pulse["indicators"]!.AsArray();
        var slice = all.Skip((page - 1) * limit).Take(limit).Select(i => i!.DeepClone()).ToArray();
        var next = page * limit < all.Count ? $"{Server.BaseAddress}api/v1/pulses/{id}/indicators?limit={limit}&page={page + 1}" : null;
        return FakeApiServer.Json(response, new JsonObject
        {
            ["count"] = all.Count,
            ["next"] = next,
            ["previous"] = null,
            ["results"] = new JsonArray(slice),
        }.ToJsonString());
    }
}

/// <summary>
/// VirusTotal API v3 on loopback: objects it knows answer with <c>last_analysis_stats</c> flagged malicious;
/// anything else is 404 <c>NotFoundError</c>, as VirusTotal answers for an object it has never seen.
/// </summary>
public sealed class FakeVirusTotal : IDisposable
{
    public const string ApiKey = "vt-e2e-key-fedcba9876543210";

    private readonly HashSet<string> _ips;
    private readonly HashSet<string> _files;
    private readonly HashSet<string> _urls;

    public FakeVirusTotal(IEnumerable<string> maliciousIps, IEnumerable<string> maliciousFiles, IEnumerable<string> maliciousUrls)
    {
        _ips = [.. maliciousIps];
        _files = new HashSet<string>(maliciousFiles, StringComparer.OrdinalIgnoreCase);
        _urls = [.. maliciousUrls];
        Server = new FakeApiServer(Handle);
    }

    public FakeApiServer Server { get; }

    public Uri ApiRoot => new(Server.BaseAddress, "api/v3/");

    public void Dispose() => Server.Dispose();

    private Task Handle(RecordedRequest r, HttpListenerResponse response, CancellationToken stopping)
    {
        if (r.Header("x-apikey") != ApiKey)
            return FakeApiServer.Json(response, """{"error":{"code":"WrongCredentialsError","message":"Wrong API key"}}""", 401);
        var parts = r.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        (string Type, string Id)? known = parts switch
        {
            ["api", "v3", "ip_addresses", var ip] when _ips.Contains(ip) => ("ip_address", ip),
            ["api", "v3", "files", var hash] when _files.Contains(hash) => ("file", hash),
            ["api", "v3", "urls", var id] when _urls.Contains(Encoding.UTF8.GetString(Base64UrlDecode(id))) => ("url", id),
            _ => null,
        };
        if (known is not { } found)
            return FakeApiServer.Json(response, new JsonObject { ["error"] = new JsonObject { ["code"] = "NotFoundError", ["message"] = $"Resource \"{parts.LastOrDefault()}\" not found" } }.ToJsonString(), 404);
        return FakeApiServer.Json(response, new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["id"] = found.Id,
                ["type"] = found.Type,
                ["attributes"] = new JsonObject
                {
                    ["last_analysis_stats"] = new JsonObject { ["malicious"] = 41, ["suspicious"] = 2, ["harmless"] = 0, ["undetected"] = 25, ["timeout"] = 0 },
                },
            },
        }.ToJsonString());
    }

    private static byte[] Base64UrlDecode(string id)
    {
        var s = id.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}
