using System.Globalization;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook.Coverage;

namespace ChatOpsBot.Core.Conversation;

/// <summary>Builds <see cref="PromptView"/>s, the same for every channel.</summary>
public static class PromptViews
{
    /// <summary>The open prompt.</summary>
    public static PromptView Open(Prompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return Base(prompt) with
        {
            Options = [.. prompt.Options.Select(o => new PromptOptionView(o.Value, o.Label, o.Style, o.RequiresApprover, Note(o),
                string.Equals(o.Value, prompt.Suggestion, StringComparison.OrdinalIgnoreCase)))],
            Suggestion = prompt.Suggestion is { } s ? prompt.FindOption(s)?.Label : null,
            Approvals = [.. prompt.Approvals.Select(a => $"{a.Actor.DisplayName} at {Time(a.At)}")],
            LastError = prompt.LastError,
        };
    }

    /// <summary>The prompt once answered: same question and evidence, no options, and its outcome.</summary>
    public static PromptView Answered(PromptClosure closure)
    {
        ArgumentNullException.ThrowIfNull(closure);
        var answer = closure.Text is null ? closure.OptionLabel : $"{closure.OptionLabel}: {closure.Text}";
        return Base(closure.Prompt) with { Outcome = new PromptOutcomeView(answer, closure.AnsweredBy, Time(closure.At), closure.Automatic) };
    }

    /// <summary>A time as every channel writes it: <c>2026-11-28 10:00 UTC</c>.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>What restricts an option ("approvers only, 2 distinct approvers"), or null.</summary>
    public static string? Note(PromptOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        List<string> notes = [];
        if (option.RequiresApprover) notes.Add("approvers only");
        if (option.RequiredApprovals > 1) notes.Add($"{option.RequiredApprovals.ToString(CultureInfo.InvariantCulture)} distinct approvers");
        return notes.Count == 0 ? null : string.Join(", ", notes);
    }

    private static PromptView Base(Prompt prompt) => new()
    {
        RunId = prompt.RunId,
        PromptId = prompt.Id,
        Section = SectionNames.Friendly(prompt.Section),
        Kind = prompt.Kind,
        Title = prompt.Title,
        Text = prompt.Text,
        Facts = prompt.Facts,
        Input = prompt.Input,
        AskedAt = Time(prompt.OpenedAt),
    };
}
