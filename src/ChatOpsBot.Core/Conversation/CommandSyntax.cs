namespace ChatOpsBot.Core.Conversation;

/// <summary>One command of the grammar: the single source of every channel's help and usage lines.</summary>
/// <param name="Verb">The first word (<c>start</c>).</param>
/// <param name="Parameters">The words after it.</param>
/// <param name="Summary">What it does, one sentence.</param>
/// <param name="Examples">Complete example commands (without the <c>/c2hunt</c> or <c>c2hunt</c> prefix).</param>
public sealed record CommandSyntax(string Verb, IReadOnlyList<CommandParameter> Parameters, string Summary, IReadOnlyList<string> Examples)
{
    /// <summary><c>start [since] [until]</c>: raw template text; escape it per channel before sending.</summary>
    public string Usage => Parameters.Count == 0 ? Verb : $"{Verb} {string.Join(' ', Parameters.Select(p => p.Placeholder))}";
}
