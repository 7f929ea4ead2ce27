using System.Collections.Concurrent;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Slack.WebApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.Inbound;

/// <summary>
/// Turns a Slack user into an <see cref="Actor"/>: approver when listed in <c>Slack:Approvers:Users</c> or a member of
/// a group in <c>Slack:Approvers:UserGroups</c> (members cached for <see cref="SlackOptions.UserGroupCacheDuration"/>).
/// If a group cannot be read the user is not an approver (fail closed) and the failure is logged.
/// </summary>
public sealed class SlackActors(SlackWebApiClient slack, IOptions<SlackOptions> options, TimeProvider clock, ILogger<SlackActors> logger)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, HashSet<string> Members)> _groups = new(StringComparer.Ordinal);

    public async Task<Actor> ResolveAsync(string userId, string? userName, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrWhiteSpace(userName) ? userId : userName;
        return new Actor($"slack:{userId}", name, await IsApproverAsync(userId, cancellationToken).ConfigureAwait(false));
    }

    private async Task<bool> IsApproverAsync(string userId, CancellationToken cancellationToken)
    {
        var approvers = options.Value.Approvers;
        if (approvers.Users.Contains(userId, StringComparer.Ordinal)) return true;
        foreach (var group in approvers.UserGroups)
        {
            var now = clock.GetUtcNow();
            if (!_groups.TryGetValue(group, out var cached) || cached.Until <= now)
            {
                try
                {
                    var members = await slack.UserGroupMembersAsync(group, cancellationToken).ConfigureAwait(false);
                    cached = (now + options.Value.UserGroupCacheDuration, members.ToHashSet(StringComparer.Ordinal));
                    _groups[group] = cached;
                }
                catch (SlackApiException e)
                {
                    logger.LogWarning("Cannot read members of user group {UserGroup}: {Error}", group, e.Error);
                    continue;
                }
            }
            if (cached.Members.Contains(userId)) return true;
        }
        return false;
    }
}
