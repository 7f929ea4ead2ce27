namespace ChatOpsBot.Connectors.Tests.TestSupport;

/// <summary>A request as the fake API received it: raw path (still percent-encoded), query, headers, body.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public IReadOnlyDictionary<string, string> Form => Body.Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2))
        .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "");

    public string? QueryValue(string name) => Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2))
        .Where(p => p[0] == name)
        .Select(p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "")
        .FirstOrDefault();
}
