namespace ChatOpsBot.Connectors.Graph;

/// <summary>Settings for reading mailboxes through Microsoft Graph with an app registration (configuration section <c>Graph</c>).</summary>
public sealed class GraphOptions
{
    public const string SectionName = "Graph";

    /// <summary>Entra ID tenant (GUID or domain). Required when <c>Mail:Provider</c> is <c>Graph</c>.</summary>
    public string TenantId { get; set; } = "";

    /// <summary>Application (client) id of the app registration. Required.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>Client secret of the app registration. Secret: environment <c>Graph__ClientSecret</c>.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>Graph base URL. Default <c>https://graph.microsoft.com/v1.0/</c> (national clouds and tests change it).</summary>
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0/";

    /// <summary>Token endpoint; <c>{tenant}</c> is replaced by <see cref="TenantId"/>. Default <c>https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token</c>.</summary>
    public string TokenEndpoint { get; set; } = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token";

    /// <summary>Scope requested with the client credentials. Default <c>https://graph.microsoft.com/.default</c>.</summary>
    public string Scope { get; set; } = "https://graph.microsoft.com/.default";

    /// <summary>Composite format turning an inventory user into a Graph user id or UPN ({0} = user), e.g. <c>{0}@corp.example</c>. Default <c>{0}</c>.</summary>
    public string UserFormat { get; set; } = "{0}";

    /// <summary>User whose mailbox the <c>check</c> command reads one message id from; empty = only the token is checked.</summary>
    public string? CheckUser { get; set; }

    /// <summary>Messages per page (<c>$top</c>), 1–1000. Default 50.</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>Time allowed per HTTP attempt, 1–300 s. Default 30.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Retries after a 429, 5xx or network error, 0–10. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay in milliseconds when Graph gives no Retry-After (then exponential). Default 1000.</summary>
    public int RetryBaseDelayMilliseconds { get; set; } = 1000;
}
