using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Terminal;

namespace ChatOpsBot.Tests.Terminal;

public sealed class TerminalChannelTests
{
    [Fact]
    public void Safe_escapes_terminal_control_sequences_from_outside_text()
    {
        var subject = "Invoice \u001b[2J\u001b]0;pwned\u0007 overdue\r\u202eexe.pdf";

        var safe = TerminalText.Safe(subject);

        Assert.DoesNotContain('\u001b', safe);
        Assert.DoesNotContain('\u0007', safe);
        Assert.DoesNotContain('\r', safe);
        Assert.DoesNotContain('\u202e', safe);
        Assert.Equal("Invoice \\u001b[2J\\u001b]0;pwned\\u0007 overdue\\u000d\\u202eexe.pdf", safe);
    }

    [Fact]
    public async Task Notify_prints_a_notification_once_per_key_with_outside_text_made_safe()
    {
        var output = new StringWriter();
        var channel = new TerminalChannel(new TerminalConsole(output, TextReader.Null, false));
        var notification = new Notification
        {
            RunId = "r-1", Section = PlaybookSection.InitialCompromise, Kind = NotificationKind.Finding, Key = "r-1:ic:scan:jdoe",
            Title = "Mailbox of jdoe", Facts = [new Fact("Subject", "pay now \u001b[31m<!channel>")],
        };

        await channel.NotifyAsync(notification, CancellationToken.None);
        await channel.NotifyAsync(notification, CancellationToken.None);

        var text = output.ToString();
        Assert.Single(text.Split('\n'), l => l.Contains("Mailbox of jdoe", StringComparison.Ordinal));
        Assert.Contains("Subject: pay now \\u001b[31m<!channel>", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_shows_typed_names_inventory_names_and_indicators_as_typed_under_the_friendly_section_name()
    {
        var output = new StringWriter();
        var channel = new TerminalChannel(new TerminalConsole(output, TextReader.Null, false));
        var prompt = new Prompt
        {
            Id = "r-1/p4", RunId = "r-1", Section = PlaybookSection.InitialCompromise, Kind = PromptKind.Choice,
            Title = "Is this mail to alice<!here> the phishing that started it?", OpenedAt = DateTimeOffset.UnixEpoch,
            Facts = [new Fact("Handed to", "mallory <!everyone> \u001b[2J"), new Fact("Remote IP", "185.220.101.47"), new Fact("Ticket", "HD-004711")],
            Options = [new PromptOption("Yes", "Yes")],
        };

        await channel.AskAsync(prompt, CancellationToken.None);

        var text = output.ToString();
        Assert.Contains("? [Initial compromise] Is this mail to alice<!here> the phishing that started it?", text, StringComparison.Ordinal);
        Assert.Contains("mallory <!everyone> \\u001b[2J", text, StringComparison.Ordinal);
        Assert.Contains("185.220.101.47", text, StringComparison.Ordinal);
        Assert.Contains("HD-004711", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', text);
    }

    [Fact]
    public async Task Ask_lists_options_with_approver_notes_and_the_last_error()
    {
        var output = new StringWriter();
        var channel = new TerminalChannel(new TerminalConsole(output, TextReader.Null, false));
        var prompt = new Prompt
        {
            Id = "r-1/p1", RunId = "r-1", Section = PlaybookSection.Closure, Kind = PromptKind.Confirm, Title = "Close the hunt?",
            Options = [new PromptOption("ConfirmClose", "Close", RequiresApprover: true, RequiredApprovals: 2)],
            Suggestion = "ConfirmClose", OpenedAt = DateTimeOffset.UnixEpoch, LastError = "nope",
            Approvals = [new Approval("ConfirmClose", new Actor("terminal:ana", "ana", true), DateTimeOffset.UnixEpoch)],
        };

        await channel.AskAsync(prompt, CancellationToken.None);

        var text = output.ToString();
        Assert.Contains("[1] Close  (approvers only, 2 distinct approvers, evidence points here)", text, StringComparison.Ordinal);
        Assert.Contains("✗ nope", text, StringComparison.Ordinal);
        Assert.Contains("✓ approved by ana", text, StringComparison.Ordinal);
    }
}
