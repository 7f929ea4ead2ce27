namespace ChatOpsBot.Core.Playbook;

/// <summary>Answers of the <c>--auto</c> stand-in analyst that evidence cannot supply (configuration <c>Playbook:Auto</c>).</summary>
public sealed class AutoAnswerOptions
{
    /// <summary>Composite format for generated helpdesk numbers; {0} is a sequence number. Must satisfy the helpdesk pattern.</summary>
    public string HelpdeskTicketFormat { get; set; } = "HD-{0:D6}";
    /// <summary>
    /// How many times <c>--auto</c> answers Retry for one failed step (after the connector's own retries) before it
    /// stops the run, saved and resumable. Default 2; 0 stops at the first failure.
    /// </summary>
    public int MaxRetries { get; set; } = 2;
    /// <summary>Colleague the Phishing playbook is handed to.</summary>
    public string PhishingColleague { get; set; } = "phishing-oncall";
}
