using ChatOpsBot.Teams.Activities;
using ChatOpsBot.Teams.Connector;
using ChatOpsBot.Teams.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Teams.Tests.Connector;

public sealed class BotConnectorClientTests : IAsyncLifetime
{
    private FakeBotFramework _fake = null!;
    private InMemoryChannelStateStore _state = null!;
    private BotConnectorClient _client = null!;
    private TrustedServiceUrls _trust = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _fake = await FakeBotFramework.StartAsync();
        _state = new InMemoryChannelStateStore();
        var options = Options.Create(new TeamsOptions
        {
            AppId = FakeBotFramework.AppId, AppPassword = FakeBotFramework.AppPassword, TokenEndpoint = _fake.TokenEndpoint,
            AllowedServiceUrlHosts = ["127.0.0.1"], RetryBaseDelay = TimeSpan.FromMilliseconds(5), MaxAttempts = 4,
        });
        _trust = new TrustedServiceUrls(options, _state);
        _client = new BotConnectorClient(_http, new ConnectorTokenProvider(_http, options, TimeProvider.System), _trust,
            new ConversationPacer(options, TimeProvider.System), options, TimeProvider.System, NullLogger<BotConnectorClient>.Instance);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    private ConversationReference Conversation => new(_fake.ServiceUrl, "19:c@thread.tacv2", "t", "channel");

    private static Activity Hello() => new() { Text = "hello" };

    [Fact]
    public async Task Send_ToATrustedServiceUrl_PostsWithTheBotToken_AndReturnsTheId()
    {
        await _trust.TrustAsync(_fake.ServiceUrl, default);

        var id = await _client.SendAsync(Conversation, Hello(), default);
        await _client.SendAsync(Conversation, Hello(), default);

        Assert.StartsWith("activity-", id, StringComparison.Ordinal);
        var call = _fake.Calls.First();
        Assert.Equal("/connector/v3/conversations/19:c@thread.tacv2/activities", call.Path);
        Assert.Equal("Bearer connector-token-1", call.Authorization);
        Assert.Equal(1, _fake.TokenRequests); // cached
    }

    [Fact]
    public async Task ServiceUrlNeverSeenInAnAuthenticatedActivity_GetsNoToken()
    {
        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() => _client.SendAsync(Conversation, Hello(), default));
        Assert.Empty(_fake.Calls);
        Assert.Equal(0, _fake.TokenRequests);
    }

    [Fact]
    public async Task ServiceUrlWhoseHostIsNotAllowed_IsNeverTrusted()
    {
        await _trust.TrustAsync("https://evil.example/", default);
        Assert.False(await _trust.IsTrustedAsync("https://evil.example/", default));
        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() =>
            _client.SendAsync(Conversation with { ServiceUrl = "https://evil.example/" }, Hello(), default));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task TransientStatus_IsRetried_UntilItSucceeds(int status)
    {
        await _trust.TrustAsync(_fake.ServiceUrl, default);
        var failures = 2;
        _fake.Intercept = _ => Interlocked.Decrement(ref failures) >= 0 ? (status, "{}") : null;

        var id = await _client.SendAsync(Conversation, Hello(), default);

        Assert.NotNull(id);
        Assert.Equal(3, _fake.Calls.Count);
    }

    [Fact]
    public async Task PersistentThrottling_GivesUpAfterMaxAttempts()
    {
        await _trust.TrustAsync(_fake.ServiceUrl, default);
        _fake.Intercept = _ => (429, "{}");

        var e = await Assert.ThrowsAsync<ConnectorException>(() => _client.SendAsync(Conversation, Hello(), default));

        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, e.Status);
        Assert.Equal(4, _fake.Calls.Count);
    }

    [Fact]
    public async Task MessageWritesBlocked_IsNotRetried_AndSurfaced()
    {
        await _trust.TrustAsync(_fake.ServiceUrl, default);
        _fake.Intercept = _ => (403, """{"error":{"code":"BotNotInConversationRoster","message":"MessageWritesBlocked"}}""");

        await Assert.ThrowsAsync<MessageWritesBlockedException>(() => _client.SendAsync(Conversation, Hello(), default));

        Assert.Single(_fake.Calls);
    }

    [Fact]
    public async Task OtherClientErrors_AreNotRetried()
    {
        await _trust.TrustAsync(_fake.ServiceUrl, default);
        _fake.Intercept = _ => (400, "{}");

        await Assert.ThrowsAsync<ConnectorException>(() => _client.SendAsync(Conversation, Hello(), default));

        Assert.Single(_fake.Calls);
    }

    [Fact]
    public async Task UpdateReplyAndCreateConversation_UseTheConnectorRoutes()
    {
        await _trust.TrustAsync(_fake.ServiceUrl, default);

        await _client.UpdateAsync(Conversation, "act-9", Hello(), default);
        await _client.ReplyAsync(Conversation, "act-9", Hello(), default);
        var created = await _client.CreateConversationAsync(_fake.ServiceUrl, new ConversationParameters { IsGroup = false, TenantId = "t" }, default);

        var calls = _fake.Calls.ToList();
        Assert.Equal(("PUT", "/connector/v3/conversations/19:c@thread.tacv2/activities/act-9"), (calls[0].Method, calls[0].Path));
        Assert.Equal(("POST", "/connector/v3/conversations/19:c@thread.tacv2/activities/act-9"), (calls[1].Method, calls[1].Path));
        Assert.Equal("act-9", calls[1].Body!["replyToId"]!.GetValue<string>());
        Assert.Equal("/connector/v3/conversations", calls[2].Path);
        Assert.StartsWith("conv-", created, StringComparison.Ordinal);
    }
}
