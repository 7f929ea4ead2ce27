namespace ChatOpsBot.Connectors.TheHive;

/// <summary>Settings for TheHive 5 as the ticket system (configuration section <c>TheHive</c>).</summary>
public sealed class TheHiveOptions
{
    public const string SectionName = "TheHive";

    /// <summary>Base URL of TheHive, e.g. <c>https://thehive.corp.example/</c>. Required when <c>Ticketing:Provider</c> is <c>TheHive</c>.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>API key of the bot's TheHive account, sent as a Bearer token. Secret: environment <c>TheHive__ApiKey</c>.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Organisation to act in (header <c>X-Organisation</c>); empty = the account's default organisation.</summary>
    public string? Organisation { get; set; }

    /// <summary>Tags put on every case, besides the idempotency tag. Default <c>chatopsbot</c>, <c>c2</c>.</summary>
    public List<string> CaseTags { get; set; } = ["chatopsbot", "c2"];

    /// <summary>Title of the task whose logs record the playbook steps. Default <c>ChatOpsBot playbook</c>.</summary>
    public string TaskTitle { get; set; } = "ChatOpsBot playbook";

    /// <summary>TLP of cases and observables, 0–4. Default 2 (amber).</summary>
    public int Tlp { get; set; } = 2;

    /// <summary>PAP of cases and observables, 0–3. Default 2 (amber).</summary>
    public int Pap { get; set; } = 2;

    /// <summary>Status set when the run resolves the ticket. Default <c>TruePositive</c> (a closed status).</summary>
    public string ResolvedStatus { get; set; } = "TruePositive";

    /// <summary>Impact status set with the resolution: WithImpact, NoImpact or NotApplicable. Default <c>WithImpact</c>.</summary>
    public string ImpactStatus { get; set; } = "WithImpact";

    /// <summary>Time allowed per HTTP attempt, 1–300 s. Default 30.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Retries after a 429, 5xx or network error, 0–10 (writes only after 429/503). Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay in milliseconds when the server gives no Retry-After (then exponential). Default 1000.</summary>
    public int RetryBaseDelayMilliseconds { get; set; } = 1000;
}
