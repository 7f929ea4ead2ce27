namespace ChatOpsBot.Teams;

/// <summary>Microsoft Teams (Bot Framework) settings, section <c>Teams</c>. Secrets come from the environment (<c>Teams__AppPassword</c>).</summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string ConnectorScope = "https://api.botframework.com/.default";

    /// <summary>The bot's Microsoft App id (Azure Bot registration). Required; it is the audience of inbound tokens.</summary>
    public string AppId { get; set; } = "";

    /// <summary>Client secret of the app registration. Required; never logged.</summary>
    public string AppPassword { get; set; } = "";

    /// <summary>Tenant of a single-tenant bot; empty = multi-tenant (token authority <c>botframework.com</c>).</summary>
    public string TenantId { get; set; } = "";

    /// <summary>OpenID metadata of the Bot Connector. Default <see cref="DefaultOpenIdMetadataUrl"/>.</summary>
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>OAuth token endpoint for outbound calls; empty = derived from <see cref="TenantId"/>.</summary>
    public string TokenEndpoint { get; set; } = "";

    /// <summary>Hosts a serviceUrl may have to receive the bot's token (exact host, or <c>*.suffix</c>). Default Teams' own.</summary>
    public List<string> AllowedServiceUrlHosts { get; set; } = [];

    /// <summary>Conversation id of the SOC channel that gets findings proactively; empty = the conversation that started the run.</summary>
    public string Channel { get; set; } = "";

    /// <summary>AAD object ids (and/or Teams user ids) allowed to give approver answers.</summary>
    public List<string> Approvers { get; set; } = [];

    /// <summary>Accept Bot Framework Emulator tokens (local work only). Default false.</summary>
    public bool AllowEmulator { get; set; }

    /// <summary>OpenID metadata for Emulator tokens. Default the botframework.com tenant's v2.0 metadata.</summary>
    public string EmulatorOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration";

    /// <summary>
    /// Local development with Microsoft 365 Agents Playground: activities without a token are accepted from loopback when
    /// their serviceUrl is <c>http://localhost:&lt;port&gt;/_connector</c>, and replies to it go without a token. Refused
    /// with <see cref="AppPassword"/> set and outside the Development environment. Default false.
    /// </summary>
    public bool LocalPlayground { get; set; }

    /// <summary>Public https base address of the bot (e.g. <c>https://bot.example.com</c>); when set, full CSV lists are served by signed links.</summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>Rows of a table shown in a card before it is summarised. Default 10.</summary>
    public int MaxTableRows { get; set; } = 10;

    /// <summary>Writes per conversation per second (Teams allows 7). Default 7.</summary>
    public int MaxWritesPerSecond { get; set; } = 7;

    /// <summary>Writes per conversation per 30 seconds (Teams allows 60). Default 60.</summary>
    public int MaxWritesPer30Seconds { get; set; } = 60;

    /// <summary>Attempts for a throttled or failed (429/412/502/504) Connector call. Default 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First retry delay; doubled each attempt, with jitter; a Retry-After header wins. Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The token endpoint actually used.</summary>
    public string EffectiveTokenEndpoint => string.IsNullOrWhiteSpace(TokenEndpoint)
        ? $"https://login.microsoftonline.com/{(string.IsNullOrWhiteSpace(TenantId) ? "botframework.com" : TenantId)}/oauth2/v2.0/token"
        : TokenEndpoint;

    /// <summary>Allowed hosts, with Teams' default when none are configured.</summary>
    public IReadOnlyList<string> EffectiveAllowedHosts => AllowedServiceUrlHosts.Count > 0
        ? AllowedServiceUrlHosts
        : ["smba.trafficmanager.net", "*.botframework.com"];
}
