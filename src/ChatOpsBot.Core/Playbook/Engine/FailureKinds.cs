namespace ChatOpsBot.Core.Playbook.Engine;

/// <summary>
/// Tells a bug in the bot from an outside system failing. A missing feed file, a refused token or a broken JSON
/// export is expected and worth one line; a null reference is ours and worth its stack trace.
/// </summary>
public static class FailureKinds
{
    /// <summary>True for exceptions that only a programming error throws.</summary>
    public static bool IsBug(Exception error) => error is NullReferenceException or IndexOutOfRangeException or InvalidCastException
        or ArgumentException or KeyNotFoundException or NotImplementedException or ObjectDisposedException
        || error.GetType() == typeof(InvalidOperationException);
}
