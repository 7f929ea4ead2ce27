namespace ChatOpsBot.Core.Dialog;

/// <summary>One approver's vote for an option that needs several distinct approvers.</summary>
/// <param name="Option">The option value approved.</param>
/// <param name="Actor">Who approved.</param>
/// <param name="At">When.</param>
public sealed record Approval(string Option, Actor Actor, DateTimeOffset At);
