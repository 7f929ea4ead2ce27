namespace ChatOpsBot.Core.Runs;

/// <summary>A run as listed by <c>runs list</c>.</summary>
/// <param name="Id">Run id.</param>
/// <param name="State">Run state.</param>
/// <param name="Section">Current section.</param>
/// <param name="CreatedAt">Start.</param>
/// <param name="UpdatedAt">Last change.</param>
public sealed record RunSummary(string Id, RunState State, string Section, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
