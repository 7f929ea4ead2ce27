using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using ChatOpsBot.Connectors.Http;

namespace ChatOpsBot.Connectors.Splunk;

/// <summary>The Splunk REST calls the connector makes, one method each; failures surface as HTTP/JSON exceptions.</summary>
internal sealed class SplunkRest(HttpClient http, SplunkOptions options)
{
    private string Namespace => $"servicesNS/{Segment(options.Owner)}/{Segment(options.App)}";

    private string CollectionPath => $"{Namespace}/storage/collections/data/{Segment(options.Collection)}";

    public async Task ClearCollectionAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Delete, CollectionPath, null, cancellationToken).ConfigureAwait(false);
        HttpFailure.ThrowUnlessSuccess(response);
    }

    /// <summary>Saves one batch; the record key is the indicator itself, so a repeated batch overwrites instead of duplicating.</summary>
    public async Task SaveBatchAsync(IEnumerable<string> indicators, CancellationToken cancellationToken)
    {
        var records = indicators.Select(i => new Dictionary<string, string> { ["_key"] = i, [options.IndicatorField] = i });
        var body = new StringContent(JsonSerializer.Serialize(records), Encoding.UTF8, "application/json");
        using var response = await SendAsync(HttpMethod.Post, $"{CollectionPath}/batch_save", body, cancellationToken, safeToRepeat: true).ConfigureAwait(false);
        HttpFailure.ThrowUnlessSuccess(response);
    }

    /// <summary>Replaces the CSV lookup through the Lookup Editor app (contents = JSON rows, header first).</summary>
    public async Task ReplaceLookupAsync(IEnumerable<string> indicators, CancellationToken cancellationToken)
    {
        var rows = new List<string[]> { new[] { options.IndicatorField } };
        rows.AddRange(indicators.Select(i => new[] { i }));
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["namespace"] = options.App,
            ["owner"] = options.Owner,
            ["lookup_file"] = options.LookupFile,
            ["lookup_type"] = "csv",
            ["contents"] = JsonSerializer.Serialize(rows),
            ["output_mode"] = "json",
        });
        using var response = await SendAsync(HttpMethod.Post, "services/data/lookup_edit/lookup_contents", form, cancellationToken, safeToRepeat: true).ConfigureAwait(false);
        HttpFailure.ThrowUnlessSuccess(response);
    }

    /// <summary>Dispatches the saved search over [from, to) and returns the job's sid.</summary>
    public async Task<string> DispatchAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["dispatch.earliest_time"] = SplunkSearchText.Epoch(from),
            ["dispatch.latest_time"] = SplunkSearchText.Epoch(to),
            ["trigger_actions"] = "0",
            ["output_mode"] = "json",
        });
        using var response = await SendAsync(HttpMethod.Post, $"{Namespace}/saved/searches/{Segment(options.SavedSearch)}/dispatch", form, cancellationToken).ConfigureAwait(false);
        HttpFailure.ThrowUnlessSuccess(response);
        using var json = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
        return json.RootElement.TryGetProperty("sid", out var sid) && sid.ValueKind == JsonValueKind.String && sid.GetString() is { Length: > 0 } text
            ? text
            : throw new JsonException("The dispatch answer has no sid.");
    }

    public async Task<SplunkJob> GetJobAsync(string sid, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"services/search/jobs/{Segment(sid)}?output_mode=json", null, cancellationToken).ConfigureAwait(false);
        HttpFailure.ThrowUnlessSuccess(response);
        using var json = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
        if (!json.RootElement.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array || entries.GetArrayLength() == 0
            || !entries[0].TryGetProperty("content", out var content) || !content.TryGetProperty("dispatchState", out var state) || state.ValueKind != JsonValueKind.String)
            throw new JsonException("The job status has no entry[0].content.dispatchState.");
        var messages = content.TryGetProperty("messages", out var m) && m.ValueKind == JsonValueKind.Array
            ? string.Join("; ", m.EnumerateArray().Select(x => x.TryGetProperty("text", out var t) ? t.GetString() : null).Where(t => t is not null))
            : "";
        return new SplunkJob(state.GetString()!, Count(content, "scanCount"), Count(content, "eventCount"),
            Time(content, "earliestTime"), Time(content, "latestTime"), messages);
    }

    private static long Count(JsonElement content, string name) =>
        content.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : 0;

    /// <summary>An ISO-8601 time of the job entry (Splunk writes the server's offset, e.g. <c>2026-11-01T01:00:00.000+01:00</c>).</summary>
    private static DateTimeOffset? Time(JsonElement content, string name) =>
        content.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;

    /// <summary>One page of a finished job's results.</summary>
    public async Task<IReadOnlyList<JsonElement>> GetResultsPageAsync(string sid, int offset, int count, CancellationToken cancellationToken)
    {
        var path = $"services/search/jobs/{Segment(sid)}/results?output_mode=json&count={count}&offset={offset}";
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        HttpFailure.ThrowUnlessSuccess(response);
        using var json = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
        if (!json.RootElement.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
            throw new JsonException("The results page has no results array.");
        return results.EnumerateArray().Select(r => r.Clone()).ToList();
    }

    /// <summary>
    /// Runs an ad-hoc search through the export endpoint and yields each final result row as its line arrives
    /// (<c>{"preview":false,"result":{…}}</c>); stops at <c>"lastrow":true</c> or the end of the stream.
    /// </summary>
    public async IAsyncEnumerable<JsonElement> ExportAsync(string search, DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["search"] = search,
            ["earliest_time"] = SplunkSearchText.Epoch(from),
            ["latest_time"] = SplunkSearchText.Epoch(to),
            ["output_mode"] = "json",
        });
        using var response = await SendAsync(HttpMethod.Post, "services/search/jobs/export", form, cancellationToken, safeToRepeat: true, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        HttpFailure.ThrowUnlessSuccess(response);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            ThrowOnFatalMessages(root);
            var preview = root.TryGetProperty("preview", out var p) && p.ValueKind == JsonValueKind.True;
            if (!preview && root.TryGetProperty("result", out var result)) yield return result.Clone();
            if (root.TryGetProperty("lastrow", out var last) && last.ValueKind == JsonValueKind.True) yield break;
        }
    }

    private static void ThrowOnFatalMessages(JsonElement root)
    {
        if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array) return;
        var fatal = messages.EnumerateArray()
            .Where(m => m.TryGetProperty("type", out var t) && t.GetString() is "FATAL" or "ERROR")
            .Select(m => m.TryGetProperty("text", out var t) ? t.GetString() : null)
            .ToList();
        if (fatal.Count > 0) throw new SplunkException($"the search failed: {Shorten(string.Join("; ", fatal))}");
    }

    internal static string Shorten(string text) => text.Length > 200 ? text[..200] + "…" : text;

    // Dispatch creates a job, so it is not repeated after a timeout; uploads keyed by IP and searches are.
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken,
        bool safeToRepeat = false, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (safeToRepeat) request.Options.Set(ConnectorRequests.SafeToRepeat, true);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
        return await http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static string Segment(string value) => Uri.EscapeDataString(value);
}
