namespace ChatOpsBot.Slack;

/// <summary>Approvers: Slack user ids and/or user-group ids (<c>S…</c>) whose members may give gated answers. Default: nobody.</summary>
public sealed class SlackApproverOptions
{
    /// <summary>User ids (<c>U…</c>/<c>W…</c>).</summary>
    public List<string> Users { get; set; } = [];

    /// <summary>User-group ids, resolved with <c>usergroups.users.list</c> (scope <c>usergroups:read</c>).</summary>
    public List<string> UserGroups { get; set; } = [];
}
