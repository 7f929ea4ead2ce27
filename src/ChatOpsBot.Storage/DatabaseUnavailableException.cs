namespace ChatOpsBot.Storage;

/// <summary>
/// The configured database cannot be used at all (not a database, corrupt, not writable, unreachable). The message
/// names the file (SQLite) or server and database (PostgreSQL), never a password; the host shows it as one line.
/// </summary>
public sealed class DatabaseUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
