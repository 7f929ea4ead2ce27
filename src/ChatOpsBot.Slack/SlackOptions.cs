using ChatOpsBot.Slack.SocketMode;

namespace ChatOpsBot.Slack;

/// <summary>
/// Slack settings (section <c>Slack</c>; environment <c>Slack__SigningSecret</c> and so on). Secrets come from the
/// environment or a secret store, never from appsettings.json, and are never logged.
/// </summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>Signing secret of the app (Basic Information page); required for the HTTP endpoints.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>Bot token (<c>xoxb-…</c>); required.</summary>
    public string? BotToken { get; set; }

    /// <summary>App-level token (<c>xapp-…</c>, scope <c>connections:write</c>); required when <see cref="SocketMode"/> is on.</summary>
    public string? AppToken { get; set; }

    /// <summary>Receive events over Socket Mode instead of public HTTP endpoints. Default false.</summary>
    public bool SocketMode { get; set; }

    /// <summary>Back-off and connection count of Socket Mode (section <c>Slack:SocketModeConnection</c>).</summary>
    public SocketModeConnectionOptions SocketModeConnection { get; set; } = new();

    /// <summary>Web API base URL. Default <c>https://slack.com/api/</c>.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>The SOC channel id (e.g. <c>C0123456789</c>) runs post to; required.</summary>
    public string? Channel { get; set; }

    /// <summary>Who may confirm malware, containment and closure.</summary>
    public SlackApproverOptions Approvers { get; set; } = new();

    /// <summary>Least time between two messages to one channel (Slack allows about one a second). Default 1 s.</summary>
    public TimeSpan MessageInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest Retry-After honoured before a rate-limited call fails (and the outbox retries later). Default 30 s.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a user group's member list is cached. Default 5 min.</summary>
    public TimeSpan UserGroupCacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Hit rows shown in a message before the rest is left to the attached CSV. Default 20.</summary>
    public int MaxTableRows { get; set; } = 20;

    /// <summary>
    /// How long a slash command may take before Slack is acknowledged with a holding reply and the real one follows
    /// through <c>response_url</c>; Slack gives up after 3 s. Default 2 s; between 0.1 and 2.5 s.
    /// </summary>
    public TimeSpan CommandReplyBudget { get; set; } = TimeSpan.FromSeconds(2);
}
