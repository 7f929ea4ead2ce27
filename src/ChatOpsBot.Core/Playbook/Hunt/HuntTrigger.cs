namespace ChatOpsBot.Core.Playbook.Hunt;

/// <summary>Triggers of the Hunt section (all events: the hunt asks the analyst nothing).</summary>
public enum HuntTrigger { Started, FeedLoaded, QueryCompleted, FindingsPosted }
