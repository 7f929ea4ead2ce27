using System.Text.Json;
using ChatOpsBot.Teams.Activities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ChatOpsBot.Teams.Auth;

/// <summary>
/// Checks the Bot Connector's JWT on <c>POST /api/messages</c>: issuer <c>https://api.botframework.com</c>, audience
/// = our app id, RS256/384/512 only, 5 minutes of clock skew, <c>serviceurl</c> claim = the activity's serviceUrl and
/// the signing key endorsed for the activity's channelId. Emulator tokens only when configured.
/// </summary>
public sealed class BotFrameworkAuthenticator
{
    internal static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private readonly TeamsOptions _options;
    private readonly TimeProvider _clock;
    private readonly OpenIdKeySource _botFramework;
    private readonly OpenIdKeySource? _emulator;
    private readonly JsonWebTokenHandler _handler = new();

    public BotFrameworkAuthenticator(IOptions<TeamsOptions> options, IHttpClientFactory http, TimeProvider clock)
    {
        _options = options.Value;
        _clock = clock;
        _botFramework = new OpenIdKeySource(_options.OpenIdMetadataUrl, http.CreateClient(nameof(BotFrameworkAuthenticator)), clock);
        if (_options.AllowEmulator)
            _emulator = new OpenIdKeySource(_options.EmulatorOpenIdMetadataUrl, http.CreateClient(nameof(BotFrameworkAuthenticator)), clock);
    }

    /// <summary>The Bot Framework key source (exposed for tests of the refresh rule).</summary>
    internal OpenIdKeySource Keys => _botFramework;

    /// <summary>Reads the Bot Framework signing keys ahead of the first activity (a cold replica answers Teams sooner).</summary>
    public Task WarmUpAsync(CancellationToken cancellationToken) => _botFramework.WarmUpAsync(cancellationToken);

    /// <summary>Checks <paramref name="authorization"/> (the raw header) for <paramref name="activity"/>.</summary>
    public async Task<AuthenticationResult> AuthenticateAsync(string? authorization, Activity activity, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorization)) return AuthenticationResult.Fail("no Authorization header");
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticationResult.Fail("not a Bearer token");
        var raw = authorization["Bearer ".Length..].Trim();
        JsonWebToken token;
        try
        {
            token = _handler.ReadJsonWebToken(raw);
        }
        catch (ArgumentException)
        {
            return AuthenticationResult.Fail("malformed token");
        }
        if (!Algorithms.Contains(token.Alg, StringComparer.Ordinal)) return AuthenticationResult.Fail($"algorithm {token.Alg} not allowed");
        if (string.IsNullOrEmpty(token.Kid)) return AuthenticationResult.Fail("token has no key id");

        if (_emulator is not null && EmulatorIssuers().Contains(token.Issuer, StringComparer.Ordinal))
            return await ValidateAsync(raw, token, _emulator, EmulatorIssuers(), null, cancellationToken).ConfigureAwait(false);
        return await ValidateAsync(raw, token, _botFramework, [TeamsOptions.BotFrameworkIssuer], activity, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AuthenticationResult> ValidateAsync(string raw, JsonWebToken token, OpenIdKeySource keys, IReadOnlyList<string> issuers,
        Activity? activity, CancellationToken cancellationToken)
    {
        var configuration = await keys.FindAsync(token.Kid, cancellationToken).ConfigureAwait(false);
        if (configuration is null) return AuthenticationResult.Fail("unknown signing key");
        var parameters = new TokenValidationParameters
        {
            ValidIssuers = issuers,
            ValidAudience = _options.AppId,
            IssuerSigningKeys = configuration.JsonWebKeySet.GetSigningKeys(),
            ValidAlgorithms = Algorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
            LifetimeValidator = ValidateLifetime,
        };
        var result = await _handler.ValidateTokenAsync(raw, parameters).ConfigureAwait(false);
        if (!result.IsValid) return AuthenticationResult.Fail(result.Exception?.GetType().Name ?? "invalid token");
        if (activity is null) return EmulatorCaller(result.Claims); // Emulator: no serviceurl claim, no endorsements.

        var serviceUrl = result.Claims.TryGetValue("serviceurl", out var claim) ? claim as string : null;
        if (serviceUrl is null || activity.ServiceUrl is null || !SameServiceUrl(serviceUrl, activity.ServiceUrl))
            return AuthenticationResult.Fail("serviceurl claim does not match the activity");
        var key = configuration.JsonWebKeySet.Keys.First(k => k.Kid == token.Kid);
        if (string.IsNullOrEmpty(activity.ChannelId) || !Endorsements(key).Contains(activity.ChannelId, StringComparer.Ordinal))
            return AuthenticationResult.Fail("signing key not endorsed for the channel");
        return AuthenticationResult.Ok;
    }

    /// <summary>
    /// As the Bot Framework SDK: an Emulator token must name our app as the caller, in <c>appid</c> (version 1.0 or no
    /// version) or <c>azp</c> (version 2.0); other versions are refused.
    /// </summary>
    private AuthenticationResult EmulatorCaller(IDictionary<string, object> claims)
    {
        var version = claims.TryGetValue("ver", out var v) ? v as string : null;
        var claim = string.IsNullOrWhiteSpace(version) || version == "1.0" ? "appid" : version == "2.0" ? "azp" : null;
        if (claim is null) return AuthenticationResult.Fail($"unknown Emulator token version {version}");
        var caller = claims.TryGetValue(claim, out var c) ? c as string : null;
        return string.Equals(caller, _options.AppId, StringComparison.Ordinal)
            ? AuthenticationResult.Ok
            : AuthenticationResult.Fail($"Emulator token's {claim} claim is not this bot's app id");
    }

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        if (expires is null || now > expires.Value.ToUniversalTime() + ClockSkew) return false;
        return notBefore is null || now + ClockSkew >= notBefore.Value.ToUniversalTime();
    }

    internal static bool SameServiceUrl(string a, string b) =>
        string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> Endorsements(JsonWebKey key)
    {
        if (!key.AdditionalData.TryGetValue("endorsements", out var value) || value is null) return [];
        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!),
            IEnumerable<object> list => list.Select(o => o?.ToString() ?? ""),
            _ => [],
        };
    }

    private List<string> EmulatorIssuers()
    {
        List<string> tenants = ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a"];
        if (!string.IsNullOrWhiteSpace(_options.TenantId)) tenants.Add(_options.TenantId);
        return tenants.SelectMany(t => new[] { $"https://sts.windows.net/{t}/", $"https://login.microsoftonline.com/{t}/v2.0" }).ToList();
    }
}
