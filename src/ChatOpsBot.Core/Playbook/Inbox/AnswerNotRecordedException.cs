namespace ChatOpsBot.Core.Playbook.Inbox;

/// <summary>
/// The inbox could not store an answer (the database is unreachable): the channel must not acknowledge it as
/// received, and tells the person to answer again.
/// </summary>
public sealed class AnswerNotRecordedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AnswerNotRecordedException() : base("The answer could not be recorded.") { }

    /// <summary>Creates the exception.</summary>
    public AnswerNotRecordedException(string message) : base(message) { }

    /// <summary>Wraps the storage failure.</summary>
    public AnswerNotRecordedException(string message, Exception innerException) : base(message, innerException) { }
}
