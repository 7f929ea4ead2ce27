using ChatOpsBot.Core.Dialog;

namespace ChatOpsBot.Core.Tests.Fakes;

/// <summary>Analysts who answer prompts in tests.</summary>
public static class People
{
    public static readonly Actor Alice = new("terminal:alice", "alice", IsApprover: true);
    public static readonly Actor Bob = new("terminal:bob", "bob", IsApprover: true);
    public static readonly Actor Trainee = new("terminal:tom", "tom", IsApprover: false);
}
