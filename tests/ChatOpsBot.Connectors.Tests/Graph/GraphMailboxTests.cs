using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.Connectors.Graph;
using ChatOpsBot.Connectors.Tests.TestSupport;
using ChatOpsBot.Core.Health;
using ChatOpsBot.Core.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Connectors.Tests.Graph;

public sealed class GraphMailboxTests : IDisposable
{
    private const string Secret = "graph-client-secret-xyz";
    private const string Token = "eyJ0eXAi.test-access-token";
    private static readonly byte[] Payload = Encoding.ASCII.GetBytes("MZ fake payload");
    private static readonly DateTimeOffset Since = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Until = Since.AddDays(7);

    private readonly ScriptedHttpServer _server;
    private readonly List<ServiceProvider> _providers = [];

    public GraphMailboxTests()
    {
        _server = new ScriptedHttpServer(r => Intercept?.Invoke(r) ?? Answer(r));
    }

    private Func<ScriptedRequest, ScriptedResponse?>? Intercept { get; set; }

    public void Dispose()
    {
        foreach (var provider in _providers)
            provider.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task ListRecentAsync_TwoPages_ReturnsMessagesWithLinksAndAttachmentHashes()
    {
        var mails = await Mailbox().ListRecentAsync("jdoe", Since, Until, CancellationToken.None);

        Assert.Equal(["AAMk-2", "AAMk-1"], mails.Select(m => m.MessageId));
        var invoice = mails.Single(m => m.Subject == "Invoice");
        Assert.Equal("billing@vendor.example", invoice.From);
        Assert.Equal(["https://pay.evil.example/x?a=1&b=2"], invoice.Links);
        var attachment = Assert.Single(invoice.Attachments);
        Assert.Equal("invoice.docm", attachment.FileName);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Payload)), attachment.Sha256);
        Assert.Equal(Payload.Length, attachment.Size);
        Assert.Equal(["http://lunch.example/menu"], mails.Single(m => m.Subject == "Lunch").Links);

        var list = _server.Requests.First(r => r.Path == "/v1.0/users/jdoe%40corp.example/messages");
        Assert.Contains("$filter=receivedDateTime ge 2026-11-23T00:00:00Z and receivedDateTime le 2026-11-30T00:00:00Z", Uri.UnescapeDataString(list.Query));
        Assert.All(_server.Requests.Where(r => r.Path.StartsWith("/v1.0/", StringComparison.Ordinal)), r => Assert.Equal($"Bearer {Token}", r.Authorization));
    }

    [Fact]
    public async Task ListRecentAsync_WindowEndingBeforeLaterMail_AsksForBothBoundsAndDropsWhatComesAfter()
    {
        // A replay of 25 November: the lunch mail of the 26th (which this fake returns regardless) is not the window's.
        var until = new DateTimeOffset(2026, 11, 25, 18, 30, 0, 500, TimeSpan.Zero);

        var mails = await Mailbox().ListRecentAsync("jdoe", Since, until, CancellationToken.None);

        Assert.Equal(["AAMk-1"], mails.Select(m => m.MessageId));
        var list = _server.Requests.First(r => r.Path == "/v1.0/users/jdoe%40corp.example/messages");
        Assert.Contains("$filter=receivedDateTime ge 2026-11-23T00:00:00Z and receivedDateTime le 2026-11-25T18:30:00.5Z", Uri.UnescapeDataString(list.Query));
    }

    [Fact]
    public async Task ListRecentAsync_ClientCredentials_PostsTheFormOnceAndCachesTheToken()
    {
        var mailbox = Mailbox();
        await mailbox.ListRecentAsync("jdoe", Since, Until, CancellationToken.None);
        await mailbox.ExportRawAsync("jdoe", "AAMk-1", CancellationToken.None);

        var token = Assert.Single(_server.Requests, r => r.Path == "/tenant-1/oauth2/v2.0/token");
        Assert.Equal("POST", token.Method);
        Assert.Contains("grant_type=client_credentials", token.Text);
        Assert.Contains("client_id=app-1", token.Text);
        Assert.Contains($"client_secret={Secret}", token.Text);
        Assert.Contains("scope=https%3A%2F%2Fgraph.microsoft.com%2F.default", token.Text);
    }

    [Fact]
    public async Task ExportRawAsync_Message_ReturnsTheMimeOfValue()
    {
        var raw = await Mailbox().ExportRawAsync("jdoe", "AAMk-1", CancellationToken.None);

        Assert.StartsWith("From: billing@vendor.example", Encoding.ASCII.GetString(raw));
        Assert.Contains(_server.Requests, r => r.Path == "/v1.0/users/jdoe%40corp.example/messages/AAMk-1/$value");
    }

    [Fact]
    public async Task ListRecentAsync_429WithRetryAfter_WaitsThenSucceeds()
    {
        var throttled = 0;
        Intercept = r => r.Path.EndsWith("/messages", StringComparison.Ordinal) && throttled++ == 0
            ? new ScriptedResponse(429, """{"error":{"code":"TooManyRequests"}}""", Headers: new Dictionary<string, string> { ["Retry-After"] = "1" })
            : null;
        var clock = Stopwatch.StartNew();

        var mails = await Mailbox().ListRecentAsync("jdoe", Since, Until, CancellationToken.None);

        Assert.Equal(2, mails.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}");
    }

    [Fact]
    public async Task ListRecentAsync_500Always_RetriesThenFailsTyped()
    {
        Intercept = r => r.Path.EndsWith("/messages", StringComparison.Ordinal) ? ScriptedResponse.Json("{}", 500) : null;

        var error = await Assert.ThrowsAsync<GraphMailboxException>(() => Mailbox().ListRecentAsync("jdoe", Since, Until, CancellationToken.None));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(3, _server.Requests.Count(r => r.Path.EndsWith("/messages", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ListRecentAsync_UnknownUser_Fails404Typed()
    {
        var error = await Assert.ThrowsAsync<GraphMailboxException>(() => Mailbox().ListRecentAsync("ghost", Since, Until, CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("'ghost'", error.Message);
    }

    [Fact]
    public async Task ListRecentAsync_SlowGraph_TimesOutTyped()
    {
        Intercept = r => r.Path.EndsWith("/messages", StringComparison.Ordinal) ? new ScriptedResponse(200, "{}", Delay: TimeSpan.FromSeconds(5)) : null;

        var error = await Assert.ThrowsAsync<GraphMailboxException>(() => Mailbox(("Graph:MaxRetries", "0")).ListRecentAsync("jdoe", Since, Until, CancellationToken.None));

        Assert.Contains("no answer", error.Message);
    }

    [Fact]
    public async Task ListRecentAsync_MalformedJson_FailsTyped()
    {
        Intercept = r => r.Path.EndsWith("/messages", StringComparison.Ordinal) ? new ScriptedResponse(200, "{\"value\": [") : null;

        var error = await Assert.ThrowsAsync<GraphMailboxException>(() => Mailbox().ListRecentAsync("jdoe", Since, Until, CancellationToken.None));

        Assert.Contains("malformed JSON", error.Message);
    }

    [Fact]
    public async Task ListRecentAsync_NextLinkToAnotherHost_IsRefused()
    {
        Intercept = r => r.Path.EndsWith("/messages", StringComparison.Ordinal)
            ? ScriptedResponse.Json("""{"value":[],"@odata.nextLink":"https://attacker.example/steal"}""")
            : null;

        await Assert.ThrowsAsync<GraphMailboxException>(() => Mailbox().ListRecentAsync("jdoe", Since, Until, CancellationToken.None));
    }

    [Fact]
    public async Task Check_GoodAndBadSecret_ReportsWithoutTheSecret()
    {
        var good = await Check(("Graph:CheckUser", "jdoe")).CheckAsync(CancellationToken.None);
        var bad = await Check(("Graph:ClientSecret", "wrong-secret-555")).CheckAsync(CancellationToken.None);

        Assert.True(good.Healthy, good.Message);
        Assert.Contains("readable", good.Message);
        Assert.False(bad.Healthy);
        Assert.DoesNotContain("wrong-secret-555", bad.Message);
    }

    private ScriptedResponse Answer(ScriptedRequest request)
    {
        var graph = _server.BaseAddress + "v1.0/";
        if (request.Path == "/tenant-1/oauth2/v2.0/token")
        {
            return request.Text.Contains($"client_secret={Secret}", StringComparison.Ordinal)
                ? ScriptedResponse.Json($$"""{"token_type":"Bearer","expires_in":3599,"access_token":"{{Token}}"}""")
                : ScriptedResponse.Json("""{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."}""", 401);
        }

        if (request.Authorization != $"Bearer {Token}")
            return ScriptedResponse.Json("""{"error":{"code":"InvalidAuthenticationToken"}}""", 401);

        return request.Path switch
        {
            "/v1.0/users/jdoe%40corp.example/messages" when request.Query.Contains("skiptoken", StringComparison.Ordinal) => ScriptedResponse.Json(new JsonObject
            {
                ["value"] = new JsonArray(Message("AAMk-1", "Invoice", "2026-11-25T09:00:00Z", true, "html", "<a href=\"https://pay.evil.example/x?a=1&amp;b=2\">pay</a>")),
            }.ToJsonString()),
            "/v1.0/users/jdoe%40corp.example/messages" => ScriptedResponse.Json(new JsonObject
            {
                ["value"] = new JsonArray(Message("AAMk-2", "Lunch", "2026-11-26T12:00:00Z", false, "text", "menu: http://lunch.example/menu")),
                ["@odata.nextLink"] = graph + "users/jdoe%40corp.example/messages?$skiptoken=page2",
            }.ToJsonString()),
            "/v1.0/users/jdoe%40corp.example/messages/AAMk-1/attachments" => ScriptedResponse.Json(new JsonObject
            {
                ["value"] = new JsonArray(
                    new JsonObject { ["@odata.type"] = "#microsoft.graph.fileAttachment", ["name"] = "invoice.docm", ["contentBytes"] = Convert.ToBase64String(Payload) },
                    new JsonObject { ["@odata.type"] = "#microsoft.graph.itemAttachment", ["name"] = "forwarded" }),
            }.ToJsonString()),
            "/v1.0/users/jdoe%40corp.example/messages/AAMk-1/$value" => new ScriptedResponse(200, "From: billing@vendor.example\r\nSubject: Invoice\r\n\r\nbody\r\n", "message/rfc822"),
            _ => ScriptedResponse.Json("""{"error":{"code":"ErrorItemNotFound"}}""", 404),
        };
    }

    private static JsonObject Message(string id, string subject, string received, bool attachments, string type, string body) => new()
    {
        ["id"] = id,
        ["subject"] = subject,
        ["receivedDateTime"] = received,
        ["hasAttachments"] = attachments,
        ["from"] = new JsonObject { ["emailAddress"] = new JsonObject { ["address"] = "billing@vendor.example", ["name"] = "Billing" } },
        ["body"] = new JsonObject { ["contentType"] = type, ["content"] = body },
    };

    private IMailbox Mailbox(params (string Key, string? Value)[] overrides) => Provider(overrides).GetRequiredService<IMailbox>();

    private IConnectorCheck Check(params (string Key, string? Value)[] overrides) => Provider(overrides).GetServices<IConnectorCheck>().Single();

    private ServiceProvider Provider((string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Graph:TenantId"] = "tenant-1",
            ["Graph:ClientId"] = "app-1",
            ["Graph:ClientSecret"] = Secret,
            ["Graph:BaseUrl"] = _server.BaseAddress + "v1.0/",
            ["Graph:TokenEndpoint"] = _server.BaseAddress + "{tenant}/oauth2/v2.0/token",
            ["Graph:UserFormat"] = "{0}@corp.example",
            ["Graph:TimeoutSeconds"] = "1",
            ["Graph:MaxRetries"] = "2",
            ["Graph:RetryBaseDelayMilliseconds"] = "10",
        };
        foreach (var (key, value) in overrides)
            settings[key] = value;
        var provider = new ServiceCollection().AddGraphMailbox(TestConfiguration.From([.. settings.Select(s => (s.Key, s.Value))])).BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }
}
