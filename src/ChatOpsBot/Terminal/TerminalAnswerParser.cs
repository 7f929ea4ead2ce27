using ChatOpsBot.Core.Dialog;

namespace ChatOpsBot.Terminal;

/// <summary>
/// Reads a typed line as an answer: an option number, value or label (confirm prompts also take y/yes), or
/// the text of a text prompt. A leading <c>@name</c> answers as that person (two-person rule at one keyboard).
/// </summary>
public static class TerminalAnswerParser
{
    /// <summary>The answer, or null with <paramref name="error"/> set.</summary>
    public static PromptAnswer? Parse(Prompt prompt, string line, string defaultUser, out string? error)
    {
        error = null;
        var text = line.Trim();
        var user = defaultUser;
        if (text.StartsWith('@'))
        {
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            user = space < 0 ? text[1..] : text[1..space];
            text = space < 0 ? "" : text[(space + 1)..].Trim();
            if (user.Length == 0) { error = "Write @name followed by the answer."; return null; }
        }
        var actor = new Actor($"terminal:{user}", user, IsApprover: true);
        if (prompt.Kind == PromptKind.Text)
            return new PromptAnswer(prompt.RunId, prompt.Id, prompt.Options[0].Value, text, actor);
        PromptOption? option = null;
        if (int.TryParse(text, out var n) && n >= 1 && n <= prompt.Options.Count) option = prompt.Options[n - 1];
        option ??= prompt.FindOption(text) ?? prompt.Options.FirstOrDefault(o => string.Equals(o.Label, text, StringComparison.OrdinalIgnoreCase));
        if (option is null && prompt.Options.Count == 1 && text.ToLowerInvariant() is "y" or "yes" or "ok" or "done") option = prompt.Options[0];
        if (option is null)
        {
            error = $"Answer with a number from 1 to {prompt.Options.Count}.";
            return null;
        }
        return new PromptAnswer(prompt.RunId, prompt.Id, option.Value, null, actor);
    }
}
