using ChatOpsBot.Teams.Activities;
using ChatOpsBot.Teams.Auth;
using ChatOpsBot.Teams.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Teams.Tests.Auth;

/// <summary>
/// Bot Framework Emulator tokens (<c>Teams:AllowEmulator</c>, <c>Teams:EmulatorOpenIdMetadataUrl</c>): issued by the
/// botframework.com AAD tenant (v1 <c>sts.windows.net</c> or v2 <c>login.microsoftonline.com/.../v2.0</c>), audience =
/// our app id, <c>appid</c>/<c>azp</c> = the caller's app id, and no <c>serviceurl</c> claim. A second loopback OpenID
/// endpoint plays the emulator's tenant with its own signing key. A failed result is what the endpoint answers with 401.
/// </summary>
public sealed class EmulatorTokenTests : IAsyncLifetime
{
    private const string V1Issuer = EmulatorTokens.V1Issuer;
    private const string V2Issuer = EmulatorTokens.V2Issuer;
    private readonly SigningKey _emulatorKey = new("emulator-key-1");
    private FakeBotFramework _botFramework = null!;
    private FakeBotFramework _emulatorTenant = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _botFramework = await FakeBotFramework.StartAsync();
        _emulatorTenant = await FakeBotFramework.StartAsync();
        EmulatorTokens.PublishOnly(_emulatorTenant, _emulatorKey);
        _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _emulatorTenant.DisposeAsync();
        await _botFramework.DisposeAsync();
    }

    private BotFrameworkAuthenticator Authenticator(bool allowEmulator) => new(Options.Create(new TeamsOptions
    {
        AppId = FakeBotFramework.AppId,
        AppPassword = "x",
        OpenIdMetadataUrl = _botFramework.MetadataUrl,
        AllowEmulator = allowEmulator,
        EmulatorOpenIdMetadataUrl = _emulatorTenant.MetadataUrl,
    }), _services.GetRequiredService<IHttpClientFactory>(), TimeProvider.System);

    /// <summary>What the Emulator posts: channel "emulator", its own local service URL.</summary>
    private static Activity EmulatorActivity() =>
        new() { Type = "message", ChannelId = "emulator", ServiceUrl = "http://localhost:56789" };

    private string EmulatorToken(string issuer = V1Issuer, string audience = FakeBotFramework.AppId, SigningKey? key = null,
        string caller = FakeBotFramework.AppId, string? version = null) =>
        EmulatorTokens.Create(key ?? _emulatorKey, issuer, audience, caller, version);

    private static Task<AuthenticationResult> Check(BotFrameworkAuthenticator auth, string token) =>
        auth.AuthenticateAsync("Bearer " + token, EmulatorActivity(), CancellationToken.None);

    [Theory]
    [InlineData(V1Issuer)]
    [InlineData(V2Issuer)]
    public async Task AllowEmulatorFalse_EmulatorToken_IsRejected(string issuer)
    {
        // Even with the emulator's key published by the Bot Framework metadata too: only the flag lets the issuer in.
        lock (_botFramework.Keys) _botFramework.Keys.Add(_emulatorKey);

        var result = await Check(Authenticator(allowEmulator: false), EmulatorToken(issuer));

        Assert.False(result.Succeeded);
        Assert.False(string.IsNullOrEmpty(result.Failure));
    }

    [Theory]
    [InlineData(V1Issuer)]
    [InlineData(V2Issuer)]
    public async Task AllowEmulatorTrue_ValidEmulatorToken_IsAccepted(string issuer)
    {
        var result = await Check(Authenticator(allowEmulator: true), EmulatorToken(issuer));

        Assert.True(result.Succeeded, result.Failure);
        Assert.True(_emulatorTenant.JwksRequests > 0, "the emulator's keys come from Teams:EmulatorOpenIdMetadataUrl");
    }

    [Theory]
    [InlineData(V1Issuer)]
    [InlineData(V2Issuer)]
    public async Task AllowEmulatorTrue_WrongAudience_IsRejected(string issuer) =>
        Assert.False((await Check(Authenticator(allowEmulator: true), EmulatorToken(issuer, audience: "someone-elses-bot"))).Succeeded);

    [Theory]
    [InlineData(V1Issuer)]
    [InlineData(V2Issuer)]
    public async Task AllowEmulatorTrue_CallerClaimOfAnotherApp_IsRejected(string issuer) =>
        // As the Bot Framework SDK: the appid (v1) / azp (v2) claim must be our app id, not just the audience.
        Assert.False((await Check(Authenticator(allowEmulator: true), EmulatorToken(issuer, caller: "99999999-8888-7777-6666-555555555555"))).Succeeded);

    [Fact]
    public async Task AllowEmulatorTrue_UnknownTokenVersion_IsRejected() =>
        Assert.False((await Check(Authenticator(allowEmulator: true), EmulatorToken(version: "9.9"))).Succeeded);

    [Fact]
    public async Task AllowEmulatorTrue_EmulatorIssuerSignedByAKeyTheEmulatorTenantDoesNotPublish_IsRejected() =>
        Assert.False((await Check(Authenticator(allowEmulator: true), EmulatorToken(key: new SigningKey("emulator-key-1")))).Succeeded);

    [Fact]
    public async Task AllowEmulatorTrue_IssuerOfAnotherTenant_IsRejected() =>
        Assert.False((await Check(Authenticator(allowEmulator: true), EmulatorToken(issuer: "https://sts.windows.net/00000000-0000-0000-0000-000000000001/"))).Succeeded);

    [Fact]
    public async Task AllowEmulatorTrue_BotConnectorTokensStillWork()
    {
        var activity = new Activity { Type = "message", ServiceUrl = _botFramework.ServiceUrl, ChannelId = "msteams" };

        var result = await Authenticator(allowEmulator: true).AuthenticateAsync("Bearer " + _botFramework.Token(), activity, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
    }
}
