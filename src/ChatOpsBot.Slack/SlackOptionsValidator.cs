using ChatOpsBot.Slack.SocketMode;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack;

/// <summary>Checks <see cref="SlackOptions"/> at start; each failure names the key (never its value).</summary>
public sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BotToken))
            failures.Add("Slack:BotToken is required (the bot token, xoxb-…; set Slack__BotToken in the environment).");
        if (string.IsNullOrWhiteSpace(options.Channel))
            failures.Add("Slack:Channel is required (the SOC channel id, e.g. C0123456789).");
        if (options.SocketMode && string.IsNullOrWhiteSpace(options.AppToken))
            failures.Add("Slack:AppToken is required when Slack:SocketMode is true (the app-level token, xapp-…).");
        if (!options.SocketMode && string.IsNullOrWhiteSpace(options.SigningSecret))
            failures.Add("Slack:SigningSecret is required unless Slack:SocketMode is true.");
        if (!options.ApiBaseUrl.IsAbsoluteUri || options.ApiBaseUrl.Scheme is not ("https" or "http"))
            failures.Add("Slack:ApiBaseUrl must be an absolute http(s) URL.");
        if (options.MessageInterval < TimeSpan.Zero || options.MessageInterval > TimeSpan.FromMinutes(1))
            failures.Add($"Slack:MessageInterval must be between 0 and 1 minute (was {options.MessageInterval}).");
        if (options.MaxRetryAfter < TimeSpan.Zero || options.MaxRetryAfter > TimeSpan.FromMinutes(10))
            failures.Add($"Slack:MaxRetryAfter must be between 0 and 10 minutes (was {options.MaxRetryAfter}).");
        if (options.MaxTableRows is < 1 or > 40)
            failures.Add($"Slack:MaxTableRows must be between 1 and 40 (was {options.MaxTableRows}).");
        if (options.CommandReplyBudget < TimeSpan.FromMilliseconds(100) || options.CommandReplyBudget > TimeSpan.FromSeconds(2.5))
            failures.Add($"Slack:CommandReplyBudget must be between 0.1 and 2.5 seconds, inside Slack's 3 (was {options.CommandReplyBudget}).");
        ValidateSocketMode(options.SocketModeConnection, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateSocketMode(SocketModeConnectionOptions connection, List<string> failures)
    {
        const string prefix = "Slack:SocketModeConnection:";
        if (connection.InitialBackoff <= TimeSpan.Zero || connection.InitialBackoff > TimeSpan.FromMinutes(10))
            failures.Add($"{prefix}InitialBackoff must be more than 0 and at most 10 minutes (was {connection.InitialBackoff}).");
        if (connection.MaxBackoff < connection.InitialBackoff || connection.MaxBackoff > TimeSpan.FromHours(1))
            failures.Add($"{prefix}MaxBackoff must be at least {prefix}InitialBackoff and at most 1 hour (was {connection.MaxBackoff}).");
        if (connection.HealthyAfter <= TimeSpan.Zero || connection.HealthyAfter > TimeSpan.FromHours(1))
            failures.Add($"{prefix}HealthyAfter must be more than 0 and at most 1 hour (was {connection.HealthyAfter}).");
        // Slack allows 10 Socket Mode connections per app, counted over every replica.
        if (connection.MaxConnections is < 1 or > 10)
            failures.Add($"{prefix}MaxConnections must be between 1 and 10 (was {connection.MaxConnections}).");
    }
}
