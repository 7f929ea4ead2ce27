namespace ChatOpsBot.Core.Playbook.Validation;

/// <summary>Triggers of the Validation section: analyst verbs and past-tense events.</summary>
public enum ValidationTrigger
{
    NextIpSelected, IntelReceived, ConfirmMalware, DismissAsBenign, TicketRecorded, AllIpsValidated, PivotHitsArrived,
    BatchSelected, BatchIntelReceived, DismissUnflagged, ReviewEach,
}
