using ChatOpsBot.Core.Dialog;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Teams.Activities;

/// <summary>Turns the sender of an activity into an <see cref="Actor"/>; approvers are matched on AAD object id or Teams user id.</summary>
public sealed class TeamsActors(IOptions<TeamsOptions> options)
{
    public Actor From(ChannelAccount? account)
    {
        var aad = account?.AadObjectId;
        var id = string.IsNullOrWhiteSpace(aad) ? account?.Id ?? "unknown" : aad;
        var approvers = options.Value.Approvers;
        var isApprover = approvers.Any(a => string.Equals(a, aad, StringComparison.OrdinalIgnoreCase)
                                            || string.Equals(a, account?.Id, StringComparison.OrdinalIgnoreCase));
        return new Actor($"teams:{id}", string.IsNullOrWhiteSpace(account?.Name) ? id : account.Name, isApprover);
    }
}
