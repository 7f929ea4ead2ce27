using System.Globalization;
using ChatOpsBot.Core.Conversation;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook.Coverage;

namespace ChatOpsBot.Terminal;

/// <summary>The terminal as a chat channel: prints notifications and prompts; answers are read by <see cref="TerminalSession"/>.</summary>
/// <remarks>A notification's file (hits CSV, triage CSV) is written under the run's artifacts folder and its path printed.</remarks>
public sealed class TerminalChannel(TerminalConsole console, RunArtifacts? artifacts = null) : IChatChannel
{
    private const int MaxTableRows = 25;
    private readonly HashSet<string> _delivered = [];

    /// <inheritdoc />
    public string Name => "terminal";

    /// <inheritdoc />
    public Task NotifyAsync(Notification notification, CancellationToken cancellationToken)
    {
        if (!_delivered.Add(notification.Key)) return Task.CompletedTask;
        var o = console.Out;
        o.WriteLine();
        o.WriteLine($"• [{SectionNames.Friendly(notification.Section)}] {TerminalText.Safe(notification.Title)}");
        if (notification.Text.Length > 0) o.WriteLine($"  {TerminalText.Safe(notification.Text)}");
        WriteFacts(notification.Facts);
        var file = notification.Attachment is { } attachment && artifacts is not null
            ? artifacts.Save(notification.RunId, attachment.FileName, attachment.Content)
            : notification.Attachment?.FileName;
        if (notification.Table is { } table)
        {
            o.WriteLine($"  {string.Join(" | ", table.Columns)}");
            foreach (var row in table.Rows.Take(MaxTableRows)) o.WriteLine($"  {string.Join(" | ", row.Select(TerminalText.Safe))}");
            if (table.Rows.Count > MaxTableRows)
                o.WriteLine($"  … {table.Rows.Count - MaxTableRows} more row(s) in {TerminalText.Safe(file ?? "the report")}");
        }
        if (file is not null) o.WriteLine($"  file: {TerminalText.Safe(file)}");
        o.Flush();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task AskAsync(Prompt prompt, CancellationToken cancellationToken)
    {
        var view = PromptViews.Open(prompt);
        var o = console.Out;
        o.WriteLine();
        o.WriteLine($"? [{view.Section}] {TerminalText.Safe(view.Title)}");
        if (view.Text.Length > 0) o.WriteLine($"  {TerminalText.Safe(view.Text)}");
        WriteFacts(view.Facts);
        if (view.LastError is not null) o.WriteLine($"  ✗ {TerminalText.Safe(view.LastError)}");
        foreach (var approval in prompt.Approvals)
            o.WriteLine($"  ✓ approved by {TerminalText.Safe(approval.Actor.DisplayName)}");
        if (view.Kind == PromptKind.Text)
        {
            // The option's label leads, as Slack's and Teams' button does: every channel offers the same answers.
            var example = view.Input?.Placeholder is { } p ? $" (e.g. {TerminalText.Safe(p)})" : "";
            var label = view.Options.Count > 0 ? $"[{TerminalText.Safe(view.Options[0].Label)}] " : "";
            o.WriteLine($"  {label}Type the {TerminalText.Safe(view.Input?.Label ?? "answer").ToLowerInvariant()}{example} and press Enter:");
        }
        else
        {
            for (var i = 0; i < view.Options.Count; i++)
            {
                var option = view.Options[i];
                var notes = new List<string>();
                if (option.Note is not null) notes.Add(option.Note);
                if (option.Suggested) notes.Add("evidence points here");
                var suffix = notes.Count == 0 ? "" : $"  ({string.Join(", ", notes)})";
                o.WriteLine($"  [{(i + 1).ToString(CultureInfo.InvariantCulture)}] {option.Label}{suffix}");
            }
            o.WriteLine("  Answer with the number (prefix with @name to answer as someone else):");
        }
        o.Flush();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task PromptClosedAsync(PromptClosure closure, CancellationToken cancellationToken)
    {
        var outcome = PromptViews.Answered(closure).Outcome!;
        var who = string.Join(", ", outcome.AnsweredBy.Select(a => a.DisplayName));
        var auto = outcome.Automatic ? " (automatic)" : "";
        // The terminal keeps seconds: a session's answers follow each other closely.
        console.Out.WriteLine($"  ✔ {TerminalText.Safe(outcome.Answer)} — {TerminalText.Safe(who)}{auto} at {closure.At:HH:mm:ss} UTC");
        console.Out.Flush();
        return Task.CompletedTask;
    }

    private void WriteFacts(IReadOnlyList<Fact> facts)
    {
        foreach (var fact in facts) console.Out.WriteLine($"    {fact.Label}: {TerminalText.Safe(fact.Value)}");
    }
}
