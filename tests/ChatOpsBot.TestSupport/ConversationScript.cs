namespace ChatOpsBot.TestSupport;

/// <summary>
/// One conversation every channel is driven through (Slack, Teams, terminal): start the bundled demo day with
/// <see cref="Start"/>, answer every question with the answer its evidence points to, ask for the run's status, ask
/// to resume and to cancel the finished run (both refused the same way). Each channel's test asserts the same outcome and the same prompt views (titles and
/// options, in order), so the three channels stay one conversation.
/// </summary>
public static class ConversationScript
{
    /// <summary>The start command (the terminal maps it onto <c>hunt --since 24h --until 2026-11-28T00:00Z</c>).</summary>
    public const string Start = "start 24h 2026-11-28T00:00Z";

    /// <summary>The status command (the terminal: <c>runs show</c>).</summary>
    public const string Status = "status";

    /// <summary>The resume command (the terminal: <c>hunt --resume</c>).</summary>
    public static string Resume(string runId) => $"resume {runId}";

    /// <summary>The cancel command (the terminal: <c>runs cancel</c>).</summary>
    public static string Cancel(string runId) => $"cancel {runId}";

    /// <summary>The C2 IPs the run confirms.</summary>
    public static readonly string[] ConfirmedC2 = ["185.220.101.47", "45.137.21.9"];

    /// <summary>The remote IPs it dismisses.</summary>
    public static readonly string[] Dismissed = ["93.184.216.34"];

    /// <summary>Hosts it contains.</summary>
    public static readonly string[] Contained = ["10.20.1.15", "10.20.2.77"];

    /// <summary>
    /// The prompt views every channel shows, in order: the title (naming its subject) and the options' labels as the
    /// channel shows them (Slack adds "…" to a text prompt's button that opens its modal; that mark is removed before
    /// comparing).
    /// </summary>
    public static readonly (string Title, string[] Options)[] Prompts =
    [
        ("Is 185.220.101.47 tied to malware?", ["Tied to malware", "Not malicious"]),
        ("Is 93.184.216.34 tied to malware?", ["Tied to malware", "Not malicious"]),
        ("Call the helpdesk to contain 10.20.1.15", ["Helpdesk called: all requested"]),
        ("Helpdesk ticket number for 10.20.1.15?", ["Record helpdesk ticket"]),
        ("Pivot on the pulses of 185.220.101.47?", ["Run the pivot query", "Skip this pivot"]),
        ("Is 45.137.21.9 tied to malware?", ["Tied to malware", "Not malicious"]),
        ("Call the helpdesk to contain 10.20.2.77", ["Helpdesk called: all requested"]),
        ("Helpdesk ticket number for 10.20.2.77?", ["Record helpdesk ticket"]),
        ("Is this mail to jdoe the phishing that started it?", ["Phishing: export to the ticket", "Not phishing"]),
        ("Who takes the Phishing playbook for the mail to jdoe?", ["Hand over"]),
        ("Is this mail to asmith the phishing that started it?", ["Phishing: export to the ticket", "Not phishing"]),
        ("Who takes the Phishing playbook for the mail to asmith?", ["Hand over"]),
        ("Resolve incident INC-000001 and close the hunt?", ["Close"]),
        ("Anything unusual to flag for the post-mortem?", ["Nothing unusual", "Flag for post-mortem"]),
        ("What was unusual?", ["Flag for post-mortem"]),
    ];

    /// <summary>Null when <paramref name="seen"/> is <see cref="Prompts"/>, else what differs first.</summary>
    public static string? DifferenceFromPrompts(IReadOnlyList<(string Title, IReadOnlyList<string> Options)> seen)
    {
        ArgumentNullException.ThrowIfNull(seen);
        for (var i = 0; i < Math.Max(seen.Count, Prompts.Length); i++)
        {
            if (i >= seen.Count) return $"prompt {i + 1} ({Prompts[i].Title}) was not shown";
            if (i >= Prompts.Length) return $"prompt {i + 1} ({seen[i].Title}) is one more than expected";
            var options = seen[i].Options.Select(o => o.TrimEnd('…')).ToArray();
            if (seen[i].Title != Prompts[i].Title || !options.SequenceEqual(Prompts[i].Options))
                return $"prompt {i + 1}: expected {Prompts[i].Title} [{string.Join(" | ", Prompts[i].Options)}], shown {seen[i].Title} [{string.Join(" | ", options)}]";
        }
        return null;
    }
}
