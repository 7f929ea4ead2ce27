using ChatOpsBot.Core.Dialog;

namespace ChatOpsBot.Core.Playbook.Engine;

/// <summary>Turns a machine's permitted analyst triggers into prompt options: the machine decides the buttons.</summary>
public static class PromptOptions
{
    /// <summary>
    /// One option per trigger of <paramref name="analystTriggers"/> that the machine permits now
    /// (<paramref name="canFire"/>, i.e. <c>machine.CanFire</c>), in the listed order.
    /// </summary>
    public static IReadOnlyList<PromptOption> From<TTrigger>(Func<TTrigger, bool> canFire, IReadOnlyList<(TTrigger Trigger, PromptOption Option)> analystTriggers)
        where TTrigger : struct, Enum =>
        analystTriggers.Where(d => canFire(d.Trigger)).Select(d => d.Option).ToList();
}
