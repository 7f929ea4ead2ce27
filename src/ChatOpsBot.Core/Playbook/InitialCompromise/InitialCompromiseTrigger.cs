namespace ChatOpsBot.Core.Playbook.InitialCompromise;

/// <summary>Triggers of the Initial-compromise section.</summary>
public enum InitialCompromiseTrigger { NextUserSelected, MailboxChecked, ConfirmPhishing, DismissMail, MailExported, HandOverPhishing, HandoverRecorded, AllUsersChecked }
