namespace ChatOpsBot.Core.Playbook.Hunt;

/// <summary>States of the Hunt section.</summary>
public enum HuntState { NotStarted, LoadingFeed, QueryingSiem, PostingFindings, Completed, NothingFound }
