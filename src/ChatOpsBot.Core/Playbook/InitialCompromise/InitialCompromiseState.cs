namespace ChatOpsBot.Core.Playbook.InitialCompromise;

/// <summary>States of the Initial-compromise section (one user at a time, one flagged mail at a time).</summary>
public enum InitialCompromiseState { Idle, SearchingMailbox, AwaitingMailReview, ExportingMail, AwaitingHandover, RecordingHandover, Completed }
