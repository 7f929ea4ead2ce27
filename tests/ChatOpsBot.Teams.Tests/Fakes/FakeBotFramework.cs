using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatOpsBot.Teams.Tests.Fakes;

/// <summary>
/// A loopback HTTP server that plays the Bot Framework: OpenID metadata and signing keys, the token endpoint, and the
/// Bot Connector (records every call; tests can script failures). Also mints the Connector's inbound tokens.
/// </summary>
internal sealed class FakeBotFramework : IAsyncDisposable
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string AppPassword = "test-secret";
    public const string Issuer = "https://api.botframework.com";
    private readonly WebApplication _app;
    private int _ids;
    private int _tokens;

    private FakeBotFramework(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";
    public string MetadataUrl => BaseUrl + ".well-known/openidconfiguration";
    public string TokenEndpoint => BaseUrl + "oauth2/token";
    public string ServiceUrl => BaseUrl + "connector/";
    public List<SigningKey> Keys { get; } = [new SigningKey("key-1", "msteams")];
    public int JwksRequests;
    public int TokenRequests;
    public ConcurrentQueue<RecordedCall> Calls { get; } = new();

    /// <summary>Scripted connector answer: return (status, body) to fail a call, or null to let it succeed.</summary>
    public Func<RecordedCall, (int Status, string Body)?>? Intercept { get; set; }

    public static async Task<FakeBotFramework> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeBotFramework(app);
        fake.Map(app);
        await app.StartAsync();
        fake.BaseUrl = app.Urls.First().TrimEnd('/') + "/";
        return fake;
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/.well-known/openidconfiguration", () => Results.Json(new
        {
            issuer = Issuer,
            authorization_endpoint = BaseUrl + "authorize",
            jwks_uri = BaseUrl + "keys",
            id_token_signing_alg_values_supported = new[] { "RS256" },
            token_endpoint_auth_methods_supported = new[] { "private_key_jwt" },
        }));
        app.MapGet("/keys", () =>
        {
            Interlocked.Increment(ref JwksRequests);
            lock (Keys) return Results.Json(new { keys = Keys.Select(k => k.Jwk()).ToArray() });
        });
        app.MapPost("/oauth2/token", async (HttpRequest request) =>
        {
            Interlocked.Increment(ref TokenRequests);
            var form = await request.ReadFormAsync();
            if (form["client_id"] != AppId || form["client_secret"] != AppPassword || form["grant_type"] != "client_credentials"
                || form["scope"] != "https://api.botframework.com/.default")
                return Results.Json(new { error = "invalid_client" }, statusCode: 401);
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = $"connector-token-{Interlocked.Increment(ref _tokens)}" });
        });
        app.MapPost("/connector/v3/conversations", (HttpRequest r) => RecordAsync(r, null, $"conv-{Interlocked.Increment(ref _ids)}"));
        app.MapPost("/connector/v3/conversations/{conversationId}/activities", (HttpRequest r, string conversationId) => RecordAsync(r, conversationId, null));
        app.MapPost("/connector/v3/conversations/{conversationId}/activities/{activityId}", (HttpRequest r, string conversationId) => RecordAsync(r, conversationId, null));
        app.MapPut("/connector/v3/conversations/{conversationId}/activities/{activityId}", (HttpRequest r, string conversationId, string activityId) => RecordAsync(r, conversationId, activityId));
    }

    private async Task<IResult> RecordAsync(HttpRequest request, string? conversationId, string? id)
    {
        var body = await JsonNode.ParseAsync(request.Body);
        var call = new RecordedCall(request.Method, request.Path.Value!, conversationId is null ? null : Uri.UnescapeDataString(conversationId),
            request.Headers.Authorization.ToString(), body);
        if (Intercept?.Invoke(call) is { } failure)
        {
            Calls.Enqueue(call with { Method = $"{call.Method}!{failure.Status}" });
            return Results.Text(failure.Body, "application/json", statusCode: failure.Status);
        }
        Calls.Enqueue(call);
        return Results.Json(new { id = id ?? $"activity-{Interlocked.Increment(ref _ids)}" });
    }

    /// <summary>A token as the Bot Connector signs it; every part can be bent to test one rule.</summary>
    public string Token(string? serviceUrl = null, string? audience = null, string? issuer = null, DateTime? expires = null,
        SigningKey? key = null, SigningCredentials? credentials = null)
    {
        var now = DateTime.UtcNow;
        var exp = expires ?? now.AddMinutes(30);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience ?? AppId,
            IssuedAt = exp.AddMinutes(-60),
            NotBefore = exp.AddMinutes(-60),
            Expires = exp,
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl ?? ServiceUrl)]),
            SigningCredentials = credentials ?? new SigningCredentials((key ?? Keys[0]).SecurityKey, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
