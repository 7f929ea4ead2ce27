using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.Connectors.Tests.TestSupport;

namespace ChatOpsBot.Connectors.Tests.TheHive;

/// <summary>
/// An in-memory TheHive 5 behind a real loopback HTTP server, answering the v1 endpoints the bot uses as the API
/// documents them. <see cref="Intercept"/> lets a test answer a request itself (429, 500, slow, malformed JSON).
/// </summary>
public sealed class FakeTheHive : IDisposable
{
    public const string ApiKey = "hive-test-key-0123456789";
    private static readonly string[] ClosedStatuses = ["TruePositive", "FalsePositive", "Indeterminate", "Other", "Duplicated"];

    private readonly object _gate = new();
    private readonly ScriptedHttpServer _server;
    private int _sequence;

    public FakeTheHive()
    {
        _server = new ScriptedHttpServer(Handle);
    }

    public Uri BaseAddress => _server.BaseAddress;

    public IReadOnlyList<ScriptedRequest> Requests => [.. _server.Requests];

    public List<JsonObject> Cases { get; } = [];

    public Dictionary<string, List<JsonObject>> Observables { get; } = [];

    public Dictionary<string, List<JsonObject>> Tasks { get; } = [];

    public Dictionary<string, List<JsonObject>> Logs { get; } = [];

    /// <summary>Return a response to take over a request; null lets the fake answer normally.</summary>
    public Func<ScriptedRequest, ScriptedResponse?>? Intercept { get; set; }

    /// <summary>
    /// A request this matches is carried out, but its answer is lost (the client gets a 500), as when TheHive or a
    /// proxy fails after the write.
    /// </summary>
    public Func<ScriptedRequest, bool>? LoseAnswer { get; set; }

    public void Dispose() => _server.Dispose();

    private ScriptedResponse Handle(ScriptedRequest request)
    {
        if (Intercept?.Invoke(request) is { } scripted)
            return scripted;
        if (request.Authorization != $"Bearer {ApiKey}")
            return ScriptedResponse.Json("""{"type":"AuthenticationError","message":"Authentication failure"}""", 401);

        lock (_gate)
        {
            var answer = Answer(request);
            if (LoseAnswer?.Invoke(request) == true)
            {
                return ScriptedResponse.Json("""{"type":"InternalError","message":"connection reset by peer"}""", 500);
            }
            return answer;
        }
    }

    private ScriptedResponse Answer(ScriptedRequest request)
    {
        {
            var parts = request.Path.Trim('/').Split('/');
            return (request.Method, parts) switch
            {
                ("GET", ["api", "v1", "user", "current"]) => Ok(new JsonObject { ["login"] = "chatopsbot@corp.example", ["organisation"] = "SOC" }),
                ("POST", ["api", "v1", "query"]) => Query(JsonNode.Parse(request.Body)!["query"]!.AsArray()),
                ("POST", ["api", "v1", "case"]) => CreateCase(JsonNode.Parse(request.Body)!.AsObject()),
                ("GET", ["api", "v1", "case", var reference]) => FindCase(reference) is { } found ? Ok(found) : NotFound(),
                ("PATCH", ["api", "v1", "case", var id]) => UpdateCase(id, JsonNode.Parse(request.Body)!.AsObject()),
                ("POST", ["api", "v1", "case", var id, "observable"]) => CreateObservable(id, request),
                ("POST", ["api", "v1", "case", var id, "task"]) => CreateTask(id, JsonNode.Parse(request.Body)!.AsObject()),
                ("POST", ["api", "v1", "task", var id, "log"]) => CreateLog(id, JsonNode.Parse(request.Body)!.AsObject()),
                _ => NotFound(),
            };
        }
    }

    private ScriptedResponse CreateCase(JsonObject body)
    {
        var number = Cases.Count + 1;
        body["_id"] = NextId();
        body["_type"] = "Case";
        body["number"] = number;
        body["status"] = "New";
        body["stage"] = "New";
        Cases.Add(body);
        return Ok(body, 201);
    }

    private JsonObject? FindCase(string reference) =>
        Cases.FirstOrDefault(c => c["_id"]!.GetValue<string>() == reference || c["number"]!.GetValue<int>().ToString() == reference);

    private ScriptedResponse UpdateCase(string id, JsonObject body)
    {
        if (FindCase(id) is not { } found)
            return NotFound();
        foreach (var (key, value) in body)
            found[key] = value?.DeepClone();
        if (ClosedStatuses.Contains(found["status"]!.GetValue<string>()))
            found["stage"] = "Closed";
        return new ScriptedResponse(204);
    }

    private ScriptedResponse CreateObservable(string caseId, ScriptedRequest request)
    {
        if (FindCase(caseId) is null)
            return NotFound();
        JsonObject body;
        if (request.ContentType?.StartsWith("multipart/form-data", StringComparison.Ordinal) == true)
        {
            var parts = Multipart.Parse(request);
            body = JsonNode.Parse(parts.Single(p => p.Name == "_json").Content)!.AsObject();
            var file = parts.Single(p => p.Name == "attachment");
            body["attachment"] = new JsonObject { ["name"] = file.FileName, ["size"] = file.Content.Length };
        }
        else
        {
            body = JsonNode.Parse(request.Body)!.AsObject();
        }

        body["_id"] = NextId();
        List(Observables, caseId).Add(body);
        return Ok(new JsonArray(body.DeepClone()), 201);
    }

    private ScriptedResponse CreateTask(string caseId, JsonObject body)
    {
        body["_id"] = NextId();
        List(Tasks, caseId).Add(body);
        return Ok(body, 201);
    }

    private ScriptedResponse CreateLog(string taskId, JsonObject body)
    {
        if (!Tasks.Values.SelectMany(t => t).Any(t => t["_id"]!.GetValue<string>() == taskId))
            return NotFound();
        body["_id"] = NextId();
        List(Logs, taskId).Add(body);
        return Ok(body, 201);
    }

    private ScriptedResponse Query(JsonArray steps)
    {
        IEnumerable<JsonObject> current = [];
        foreach (var step in steps.Select(s => s!.AsObject()))
        {
            current = step["_name"]!.GetValue<string>() switch
            {
                "listCase" => Cases,
                "getCase" => FindCase(step["idOrName"]!.GetValue<string>()) is { } c ? [c] : [],
                "getTask" => Tasks.Values.SelectMany(t => t).Where(t => t["_id"]!.GetValue<string>() == step["idOrName"]!.GetValue<string>()),
                "observables" => current.SelectMany(c => List(Observables, c["_id"]!.GetValue<string>())),
                "tasks" => current.SelectMany(c => List(Tasks, c["_id"]!.GetValue<string>())),
                "logs" => current.SelectMany(t => List(Logs, t["_id"]!.GetValue<string>())),
                "filter" => Filter(current, step["_eq"]!.AsObject()),
                "page" => current.Skip(step["from"]!.GetValue<int>()).Take(step["to"]!.GetValue<int>() - step["from"]!.GetValue<int>()),
                var other => throw new InvalidOperationException($"query step {other} not faked"),
            };
        }

        return Ok(new JsonArray([.. current.Select(c => c.DeepClone())]));
    }

    private static IEnumerable<JsonObject> Filter(IEnumerable<JsonObject> items, JsonObject eq)
    {
        var field = eq["_field"]!.GetValue<string>();
        var value = eq["_value"]!.GetValue<string>();
        return items.Where(i => i[field] switch
        {
            JsonArray array => array.Any(a => a!.GetValue<string>() == value),
            JsonValue single => single.GetValue<string>() == value,
            _ => false,
        });
    }

    private string NextId() => "~" + (4096 + Interlocked.Increment(ref _sequence) * 8);

    private static List<JsonObject> List(Dictionary<string, List<JsonObject>> map, string key) =>
        map.TryGetValue(key, out var list) ? list : map[key] = [];

    private static ScriptedResponse Ok(JsonNode body, int status = 200) => ScriptedResponse.Json(body.ToJsonString(), status);

    private static ScriptedResponse NotFound() => ScriptedResponse.Json("""{"type":"NotFoundError","message":"not found"}""", 404);
}

/// <summary>A deliberately small multipart/form-data reader, enough to assert what the connector sent.</summary>
public static class Multipart
{
    public sealed record Part(string Name, string? FileName, string? ContentType, byte[] Content)
    {
        public string Text => Encoding.UTF8.GetString(Content);
    }

    public static List<Part> Parse(ScriptedRequest request)
    {
        var boundary = request.ContentType!.Split("boundary=")[1].Trim('"');
        var latin1 = Encoding.Latin1.GetString(request.Body);
        var parts = new List<Part>();
        foreach (var chunk in latin1.Split("--" + boundary).Skip(1))
        {
            if (chunk.StartsWith("--", StringComparison.Ordinal))
                break;
            var split = chunk.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var headers = chunk[..split];
            var content = chunk[(split + 4)..^2]; // drop the CRLF before the next boundary
            string? Header(string key) => headers.Split("\r\n").FirstOrDefault(h => h.StartsWith(key, StringComparison.OrdinalIgnoreCase))?[(key.Length + 1)..].Trim();
            var disposition = Header("Content-Disposition") ?? "";
            string? Param(string key) => disposition.Split(';').Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith(key + "=", StringComparison.Ordinal))?[(key.Length + 1)..].Trim('"');
            parts.Add(new Part(Param("name")!, Param("filename"), Header("Content-Type"), Encoding.Latin1.GetBytes(content)));
        }

        return parts;
    }
}
