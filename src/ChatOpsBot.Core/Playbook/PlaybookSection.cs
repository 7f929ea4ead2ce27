namespace ChatOpsBot.Core.Playbook;

/// <summary>The six sections of the "Command and Control malware detection" playbook, in order.</summary>
public enum PlaybookSection
{
    /// <summary>Feed → SIEM query → hits.</summary>
    Hunt,
    /// <summary>Per remote IP: intel verdict, analyst confirms.</summary>
    Validation,
    /// <summary>Per compromised host: helpdesk checklist and ticket number.</summary>
    Containment,
    /// <summary>Per confirmed C2 IP: pulse indicators → SIEM again.</summary>
    Pivot,
    /// <summary>Per user: recent mails checked for the phishing that started it.</summary>
    InitialCompromise,
    /// <summary>Resolve, shift log, post-mortem flag.</summary>
    Closure,
}
