using System.Diagnostics;
using System.Net;
using System.Text;
using ChatOpsBot.Connectors.Tests.TestSupport;
using ChatOpsBot.Connectors.TheHive;
using ChatOpsBot.Core.Health;
using ChatOpsBot.Core.Ticketing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Connectors.Tests.TheHive;

public sealed class TheHiveTicketingTests : IDisposable
{
    private static readonly NewTicket Ticket = new("C2 traffic: ws-042 → 203.0.113.7", "confirmed", "P1",
    [
        new TicketObservable(ObservableType.Ip, "203.0.113.7", Ioc: true, ["c2", "pulse:Emotet epoch 5", "family:Emotet"]),
        TicketObservable.Host("ws-042.corp.example", ioc: false, ["victim"]),
        new TicketObservable(ObservableType.Mail, "jdoe@corp.example", Ioc: false, ["victim"]),
        new TicketObservable(ObservableType.Hash, new string('a', 64), Ioc: true, ["phishing"]),
    ]);

    private readonly FakeTheHive _hive = new();
    private readonly List<ServiceProvider> _providers = [];

    public void Dispose()
    {
        foreach (var provider in _providers)
            provider.Dispose();
        _hive.Dispose();
    }

    [Fact]
    public async Task CreateAsync_NewTicket_OpensCaseWithSeverityTagsAndTypedObservables()
    {
        var ticket = await Ticketing().CreateAsync(Ticket, "run-1:ticket", CancellationToken.None);

        Assert.Equal("#1", ticket.Id);
        Assert.StartsWith(_hive.BaseAddress + "cases/~", ticket.Url);
        var theCase = Assert.Single(_hive.Cases);
        Assert.Equal(4, theCase["severity"]!.GetValue<int>());
        var tags = theCase["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
        Assert.Contains("chatopsbot", tags);
        Assert.Contains(tags, t => t.StartsWith("chatopsbot:key:", StringComparison.Ordinal));
        var types = _hive.Observables.Single().Value.ToDictionary(o => o["data"]!.GetValue<string>(), o => o["dataType"]!.GetValue<string>());
        Assert.Equal("ip", types["203.0.113.7"]);
        Assert.Equal("hostname", types["ws-042.corp.example"]);
        Assert.Equal("mail", types["jdoe@corp.example"]);
        Assert.Equal("hash", types[new string('a', 64)]);
        Assert.All(_hive.Requests, r => Assert.Equal($"Bearer {FakeTheHive.ApiKey}", r.Authorization));
    }

    [Fact]
    public async Task CreateAsync_SameKeyAgainAfterRestart_ReturnsTheFirstCaseAndCreatesNothing()
    {
        var first = await Ticketing().CreateAsync(Ticket, "run-1:ticket", CancellationToken.None);
        var writes = _hive.Requests.Count(r => r.Method != "GET" && !r.Path.EndsWith("/query", StringComparison.Ordinal));

        var again = await Ticketing().CreateAsync(Ticket, "run-1:ticket", CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Single(_hive.Cases);
        Assert.Equal(writes, _hive.Requests.Count(r => r.Method != "GET" && !r.Path.EndsWith("/query", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CreateAsync_CrashBetweenCaseAndObservables_ResumeAddsOnlyTheMissingOnes()
    {
        var observablePosts = 0;
        _hive.Intercept = r => r.Path.EndsWith("/observable", StringComparison.Ordinal) && ++observablePosts == 2
            ? ScriptedResponse.Json("""{"type":"InternalError"}""", 500)
            : null;
        await Assert.ThrowsAsync<TheHiveException>(() => Ticketing().CreateAsync(Ticket, "run-1:ticket", CancellationToken.None));
        _hive.Intercept = null;

        var ticket = await Ticketing().CreateAsync(Ticket, "run-1:ticket", CancellationToken.None);

        Assert.Equal("#1", ticket.Id);
        Assert.Single(_hive.Cases);
        Assert.Equal(4, _hive.Observables.Single().Value.Count);
    }

    [Fact]
    public async Task CommentAsync_StepsLoggedOnceEach_InOnePlaybookTask()
    {
        var ticketing = Ticketing();
        var ticket = await ticketing.CreateAsync(Ticket, "run-1:ticket", CancellationToken.None);

        await ticketing.CommentAsync(ticket.Id, "Containment: ws-042 isolated", "run-1:contain", CancellationToken.None);
        await ticketing.CommentAsync(ticket.Id, "Pivot: 2 new IPs", "run-1:pivot", CancellationToken.None);
        await ticketing.CommentAsync(ticket.Id, "Containment: ws-042 isolated", "run-1:contain", CancellationToken.None);

        var task = Assert.Single(_hive.Tasks.Single().Value);
        Assert.Equal("ChatOpsBot playbook", task["title"]!.GetValue<string>());
        var logs = _hive.Logs[task["_id"]!.GetValue<string>()];
        Assert.Equal(2, logs.Count);
        Assert.StartsWith("Containment: ws-042 isolated", logs[0]["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task AttachAsync_Eml_SendsMultipartFileObservableOnce()
    {
        var ticketing = Ticketing();
        var ticket = await ticketing.CreateAsync(Ticket with { Observables = [] }, "run-1:ticket", CancellationToken.None);
        var eml = Encoding.UTF8.GetBytes("From: a@b.example\r\nSubject: phish\r\n\r\nbody\r\n");

        await ticketing.AttachAsync(ticket.Id, new TicketAttachment("jdoe-phish.eml", "message/rfc822", eml), "run-1:eml:jdoe:1", CancellationToken.None);
        await ticketing.AttachAsync(ticket.Id, new TicketAttachment("jdoe-phish.eml", "message/rfc822", eml), "run-1:eml:jdoe:1", CancellationToken.None);

        var upload = Assert.Single(_hive.Requests, r => r.Path.EndsWith("/observable", StringComparison.Ordinal));
        Assert.StartsWith("multipart/form-data", upload.ContentType);
        var parts = Multipart.Parse(upload);
        Assert.Contains("\"dataType\":\"file\"", parts.Single(p => p.Name == "_json").Text);
        var file = parts.Single(p => p.Name == "attachment");
        Assert.Equal("jdoe-phish.eml", file.FileName);
        Assert.Equal("message/rfc822", file.ContentType);
        Assert.Equal(eml, file.Content);
    }

    [Fact]
    public async Task ResolveAsync_OpenCase_ClosesWithSummaryOnlyOnce()
    {
        var ticketing = Ticketing();
        var ticket = await ticketing.CreateAsync(Ticket, "run-1:ticket", CancellationToken.None);

        await ticketing.ResolveAsync(ticket.Id, "Contained; 1 host reimaged", "run-1:resolve", CancellationToken.None);
        await ticketing.ResolveAsync(ticket.Id, "second summary", "run-1:resolve", CancellationToken.None);

        var theCase = _hive.Cases.Single();
        Assert.Equal("TruePositive", theCase["status"]!.GetValue<string>());
        Assert.Equal("Closed", theCase["stage"]!.GetValue<string>());
        Assert.Equal("Contained; 1 host reimaged", theCase["summary"]!.GetValue<string>());
        Assert.Single(_hive.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task CreateAsync_429WithRetryAfter_WaitsAndCreatesExactlyOneCase()
    {
        var refused = 0;
        _hive.Intercept = r => r.Method == "POST" && r.Path == "/api/v1/case" && refused++ == 0
            ? new ScriptedResponse(429, """{"type":"TooManyRequests"}""", Headers: new Dictionary<string, string> { ["Retry-After"] = "1" })
            : null;
        var clock = Stopwatch.StartNew();

        var ticket = await Ticketing().CreateAsync(Ticket, "run-1:ticket", CancellationToken.None);

        Assert.Equal("#1", ticket.Id);
        Assert.Single(_hive.Cases);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}, before Retry-After");
    }

    [Fact]
    public async Task CreateAsync_500OnCreate_IsNotRepeatedAndFailsTyped()
    {
        _hive.Intercept = r => r.Method == "POST" && r.Path == "/api/v1/case" ? ScriptedResponse.Json("{}", 500) : null;

        var error = await Assert.ThrowsAsync<TheHiveException>(() => Ticketing().CreateAsync(Ticket, "run-1:ticket", CancellationToken.None));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Single(_hive.Requests, r => r.Method == "POST" && r.Path == "/api/v1/case");
    }

    [Fact]
    public async Task CommentAsync_500OnReads_RetriedThenFailsTyped()
    {
        var ticket = await Ticketing().CreateAsync(Ticket, "run-1:ticket", CancellationToken.None);
        _hive.Intercept = r => r.Method == "GET" ? ScriptedResponse.Json("{}", 500) : null;

        await Assert.ThrowsAsync<TheHiveException>(() => Ticketing().CommentAsync(ticket.Id, "x", "run-1:c", CancellationToken.None));

        Assert.Equal(3, _hive.Requests.Count(r => r.Method == "GET"));
    }

    [Fact]
    public async Task CreateAsync_SlowServer_TimesOutTyped()
    {
        _hive.Intercept = r => new ScriptedResponse(200, "[]", Delay: TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<TheHiveException>(() => Ticketing(("TheHive:MaxRetries", "0")).CreateAsync(Ticket, "run-1:ticket", CancellationToken.None));

        Assert.Contains("did not answer", error.Message);
    }

    [Fact]
    public async Task CreateAsync_MalformedJson_FailsTypedNotWithAParserCrash()
    {
        _hive.Intercept = r => r.Path == "/api/v1/query" ? new ScriptedResponse(200, "[{\"_id\": ") : null;

        var error = await Assert.ThrowsAsync<TheHiveException>(() => Ticketing().CreateAsync(Ticket, "run-1:ticket", CancellationToken.None));

        Assert.Contains("malformed JSON", error.Message);
    }

    [Fact]
    public async Task CommentAsync_UnknownCase_Fails404Typed()
    {
        var error = await Assert.ThrowsAsync<TheHiveException>(() => Ticketing().CommentAsync("#77", "x", "run-1:c", CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Check_GoodAndBadKey_ReportsWithoutTheKey()
    {
        var good = await Check().CheckAsync(CancellationToken.None);
        var bad = await Check(("TheHive:ApiKey", "wrong-key-987")).CheckAsync(CancellationToken.None);

        Assert.True(good.Healthy, good.Message);
        Assert.Contains("chatopsbot@corp.example", good.Message);
        Assert.False(bad.Healthy);
        Assert.Contains("401", bad.Message);
        Assert.DoesNotContain("wrong-key-987", bad.Message);
    }

    private ITicketing Ticketing(params (string Key, string? Value)[] overrides) => Provider(overrides).GetRequiredService<ITicketing>();

    private IConnectorCheck Check(params (string Key, string? Value)[] overrides) => Provider(overrides).GetServices<IConnectorCheck>().Single();

    private ServiceProvider Provider((string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["TheHive:BaseUrl"] = _hive.BaseAddress.ToString(),
            ["TheHive:ApiKey"] = FakeTheHive.ApiKey,
            ["TheHive:TimeoutSeconds"] = "1",
            ["TheHive:MaxRetries"] = "2",
            ["TheHive:RetryBaseDelayMilliseconds"] = "10",
        };
        foreach (var (key, value) in overrides)
            settings[key] = value;
        var configuration = TestConfiguration.From([.. settings.Select(s => (s.Key, s.Value))]);
        var provider = new ServiceCollection().AddTheHiveTicketing(configuration).BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }
}
