namespace ChatOpsBot.Core.Playbook;

/// <summary>How the playbook behaves (configuration section <c>Playbook</c>). Defaults are the playbook's own.</summary>
public sealed class PlaybookOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Playbook";

    /// <summary>SIEM time window when a run names none. Default 24 h.</summary>
    public TimeSpan DefaultWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How far back the Initial-compromise section reads mailboxes. Default 3 days.</summary>
    public int MailLookbackDays { get; set; } = 3;

    /// <summary>Regular expression a helpdesk ticket number must match. Default: letters, optional dash, 3–10 digits (HD-123456).</summary>
    public string HelpdeskTicketPattern { get; set; } = @"^[A-Z]{2,6}-?\d{3,10}$";

    /// <summary>What the analyst is told when a number does not match.</summary>
    public string HelpdeskTicketHint { get; set; } = "A helpdesk ticket number looks like HD-123456: 2–6 capital letters, an optional dash, 3–10 digits.";

    /// <summary>Priority given to the helpdesk request and our ticket. Default P1.</summary>
    public string Priority { get; set; } = "P1";

    /// <summary>
    /// Pending feed IPs (of one batch: the hunt's, or a pivot's) from which Validation triages them together: intel for
    /// all of them, then one decision dismisses those intel has nothing against; the rest are asked one by one.
    /// Default 20; 0 turns triage off (every IP is asked on its own).
    /// </summary>
    public int TriageThreshold { get; set; } = 20;

    /// <summary>
    /// How far the logs' first and last records may fall inside the window before the hunt counts it as a gap
    /// ("logs end 5 h before the window's end"): log shipping lags and rotation leave a little. Default 1 h.
    /// </summary>
    public TimeSpan CoverageTolerance { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Distinct approvers each gated decision needs (two-person rule: set to 2).</summary>
    public ApprovalOptions Approvals { get; set; } = new();

    /// <summary>What <c>--auto</c> answers where evidence cannot decide.</summary>
    public AutoAnswerOptions Auto { get; set; } = new();

    /// <summary>Feed location used when a run names none (file path or URL).</summary>
    public string Feed { get; set; } = "samples/feed/c2-ipmasterlist.txt";
}
