using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Connectors.Http;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ChatOpsBot.Connectors.TheHive;

/// <summary>
/// The few TheHive 5 v1 endpoints the bot uses, over a typed <see cref="HttpClient"/> (base address, Bearer key and
/// resilience are set at registration). Answers are read as JSON nodes so extra fields never break the bot.
/// </summary>
internal sealed class TheHiveApi(HttpClient http)
{
    public Task<JsonNode> CreateCaseAsync(JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "api/v1/case", JsonContent.Create(body), false, cancellationToken);

    public Task<JsonNode> GetCaseAsync(string idOrNumber, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"api/v1/case/{Uri.EscapeDataString(idOrNumber)}", null, false, cancellationToken);

    public Task UpdateCaseAsync(string caseId, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Patch, $"api/v1/case/{Uri.EscapeDataString(caseId)}", JsonContent.Create(body), false, cancellationToken);

    public Task CreateObservableAsync(string caseId, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/v1/case/{Uri.EscapeDataString(caseId)}/observable", JsonContent.Create(body), false, cancellationToken);

    /// <summary>A <c>file</c> observable: multipart with the JSON in part <c>_json</c> and the bytes in part <c>attachment</c>.</summary>
    public Task CreateFileObservableAsync(string caseId, JsonObject body, string fileName, string contentType, byte[] content, CancellationToken cancellationToken)
    {
        var form = new MultipartFormDataContent { { new StringContent(body.ToJsonString()), "_json" } };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.TryParse(contentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "attachment", fileName);
        return SendAsync(HttpMethod.Post, $"api/v1/case/{Uri.EscapeDataString(caseId)}/observable", form, false, cancellationToken);
    }

    public Task<JsonNode> CreateTaskAsync(string caseId, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/v1/case/{Uri.EscapeDataString(caseId)}/task", JsonContent.Create(body), false, cancellationToken);

    public Task CreateTaskLogAsync(string taskId, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/v1/task/{Uri.EscapeDataString(taskId)}/log", JsonContent.Create(body), false, cancellationToken);

    public Task<JsonNode> CurrentUserAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "api/v1/user/current", null, false, cancellationToken);

    /// <summary><c>POST /api/v1/query</c>: read-only, so the pipeline may repeat it like a GET.</summary>
    public async Task<JsonArray> QueryAsync(string name, IEnumerable<JsonObject> steps, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["query"] = new JsonArray([.. steps]) };
        var answer = await SendAsync(HttpMethod.Post, $"api/v1/query?name={Uri.EscapeDataString(name)}", JsonContent.Create(body), true, cancellationToken).ConfigureAwait(false);
        return answer as JsonArray ?? throw new TheHiveException($"TheHive query '{name}' did not answer a JSON array.");
    }

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, HttpContent? content, bool readOnly, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (readOnly)
            request.Options.Set(ConnectorRequests.SafeToRepeat, true);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new TheHiveException($"TheHive did not answer {method} /{Path(path)}: {e.Message}", null, e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var hint = response.StatusCode switch
                {
                    HttpStatusCode.Unauthorized => " (TheHive:ApiKey refused)",
                    HttpStatusCode.Forbidden => " (the API key's profile lacks a permission, e.g. manageCase)",
                    HttpStatusCode.NotFound => " (not found)",
                    _ => "",
                };
                throw new TheHiveException($"TheHive answered {(int)response.StatusCode} {response.ReasonPhrase} to {method} /{Path(path)}{hint}.", response.StatusCode);
            }

            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (bytes.Length == 0)
                return new JsonObject();
            try
            {
                return JsonNode.Parse(bytes) ?? new JsonObject();
            }
            catch (JsonException e)
            {
                throw new TheHiveException($"TheHive answered malformed JSON to {method} /{Path(path)}.", response.StatusCode, e);
            }
        }
    }

    private static string Path(string path) => path.Split('?')[0];
}
