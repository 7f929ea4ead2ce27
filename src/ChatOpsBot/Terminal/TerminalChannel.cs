using System.Globalization;
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
        var o = console.Out;
        o.WriteLine();
        o.WriteLine($"? [{SectionNames.Friendly(prompt.Section)}] {TerminalText.Safe(prompt.Title)}");
        if (prompt.Text.Length > 0) o.WriteLine($"  {TerminalText.Safe(prompt.Text)}");
        WriteFacts(prompt.Facts);
        if (prompt.LastError is not null) o.WriteLine($"  ✗ {TerminalText.Safe(prompt.LastError)}");
        foreach (var approval in prompt.Approvals)
            o.WriteLine($"  ✓ approved by {TerminalText.Safe(approval.Actor.DisplayName)}");
        if (prompt.Kind == PromptKind.Text)
        {
            var example = prompt.Input?.Placeholder is { } p ? $" (e.g. {TerminalText.Safe(p)})" : "";
            o.WriteLine($"  Type the {TerminalText.Safe(prompt.Input?.Label ?? "answer").ToLowerInvariant()}{example} and press Enter:");
        }
        else
        {
            for (var i = 0; i < prompt.Options.Count; i++)
            {
                var option = prompt.Options[i];
                var notes = new List<string>();
                if (option.RequiresApprover) notes.Add("approvers only");
                if (option.RequiredApprovals > 1) notes.Add($"{option.RequiredApprovals} distinct approvers");
                if (option.Value == prompt.Suggestion) notes.Add("evidence points here");
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
        var who = string.Join(", ", closure.AnsweredBy.Select(a => a.DisplayName));
        var text = closure.Text is null ? "" : $": {closure.Text}";
        var auto = closure.Automatic ? " (automatic)" : "";
        console.Out.WriteLine($"  ✔ {TerminalText.Safe(closure.OptionLabel)}{TerminalText.Safe(text)} — {TerminalText.Safe(who)}{auto} at {closure.At:HH:mm:ss} UTC");
        console.Out.Flush();
        return Task.CompletedTask;
    }

    private void WriteFacts(IReadOnlyList<Fact> facts)
    {
        foreach (var fact in facts) console.Out.WriteLine($"    {fact.Label}: {TerminalText.Safe(fact.Value)}");
    }
}
