using System.Security.Cryptography;
using ChatOpsBot.Teams.Activities;
using ChatOpsBot.Teams.Auth;
using ChatOpsBot.Teams.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ChatOpsBot.Teams.Tests.Auth;

public sealed class BotFrameworkAuthenticatorTests : IAsyncLifetime
{
    private FakeBotFramework _fake = null!;
    private BotFrameworkAuthenticator _auth = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeBotFramework.StartAsync();
        var http = new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        _auth = new BotFrameworkAuthenticator(Options.Create(new TeamsOptions
        {
            AppId = FakeBotFramework.AppId, AppPassword = "x", OpenIdMetadataUrl = _fake.MetadataUrl,
        }), http, TimeProvider.System);
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private Activity Activity(string? serviceUrl = null, string channelId = "msteams") =>
        new() { Type = "message", ServiceUrl = serviceUrl ?? _fake.ServiceUrl, ChannelId = channelId };

    private Task<AuthenticationResult> Check(string? header, Activity? activity = null) =>
        _auth.AuthenticateAsync(header, activity ?? Activity(), CancellationToken.None);

    [Fact]
    public async Task ValidToken_IsAccepted()
    {
        var result = await Check("Bearer " + _fake.Token());
        Assert.True(result.Succeeded, result.Failure);
    }

    [Fact]
    public async Task WrongAudience_IsRejected() =>
        Assert.False((await Check("Bearer " + _fake.Token(audience: "someone-else"))).Succeeded);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task MissingHeader_IsRejected(string? header) => Assert.False((await Check(header)).Succeeded);

    [Fact]
    public async Task NonBearerScheme_IsRejected() =>
        Assert.False((await Check("Basic " + _fake.Token())).Succeeded);

    [Fact]
    public async Task ServiceUrlClaimNotMatchingTheActivity_IsRejected() =>
        Assert.False((await Check("Bearer " + _fake.Token(serviceUrl: "https://evil.example/"))).Succeeded);

    [Fact]
    public async Task ServiceUrlDifferingOnlyByTrailingSlash_IsAccepted() =>
        Assert.True((await Check("Bearer " + _fake.Token(serviceUrl: _fake.ServiceUrl.TrimEnd('/')))).Succeeded);

    [Fact]
    public async Task ExpiredBySixMinutes_IsRejected() =>
        Assert.False((await Check("Bearer " + _fake.Token(expires: DateTime.UtcNow.AddMinutes(-6)))).Succeeded);

    [Fact]
    public async Task ExpiredByFourMinutes_IsAcceptedWithinTheClockSkew() =>
        Assert.True((await Check("Bearer " + _fake.Token(expires: DateTime.UtcNow.AddMinutes(-4)))).Succeeded);

    [Fact]
    public async Task WrongIssuer_IsRejected() =>
        Assert.False((await Check("Bearer " + _fake.Token(issuer: "https://sts.windows.net/some-tenant/"))).Succeeded);

    [Fact]
    public async Task Hs256Token_IsRejected()
    {
        var symmetric = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = _fake.Keys[0].Kid };
        var token = _fake.Token(credentials: new SigningCredentials(symmetric, SecurityAlgorithms.HmacSha256));
        Assert.False((await Check("Bearer " + token)).Succeeded);
    }

    [Fact]
    public async Task KeyNotEndorsedForTheActivityChannel_IsRejected() =>
        Assert.False((await Check("Bearer " + _fake.Token(), Activity(channelId: "webchat"))).Succeeded);

    [Fact]
    public async Task TokenSignedByAKeyNotPublished_IsRejected() =>
        Assert.False((await Check("Bearer " + _fake.Token(key: new SigningKey("key-1", "msteams")))).Succeeded);

    [Fact]
    public async Task UnknownKid_RefreshesTheKeysOnce_AndAcceptsTheRotatedKey()
    {
        Assert.True((await Check("Bearer " + _fake.Token())).Succeeded);
        var before = _fake.JwksRequests;
        var rotated = new SigningKey("key-2", "msteams");
        lock (_fake.Keys) _fake.Keys.Add(rotated);

        var result = await Check("Bearer " + _fake.Token(key: rotated));

        Assert.True(result.Succeeded, result.Failure);
        Assert.True(_fake.JwksRequests > before);
        Assert.Equal(1, _auth.Keys.ForcedRefreshes);
    }

    [Fact]
    public async Task Garbage_IsRejected() => Assert.False((await Check("Bearer not.a.jwt")).Succeeded);
}
