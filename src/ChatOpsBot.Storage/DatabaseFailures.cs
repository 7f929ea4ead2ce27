using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ChatOpsBot.Storage;

/// <summary>Words the failures of opening the database for the operator: what is wrong, and with which file or server.</summary>
internal static class DatabaseFailures
{
    // SQLite primary result codes (sqlite.org/rescode.html); extended codes keep the primary one in the low byte.
    private const int ReadOnly = 8;
    private const int Corrupt = 11;
    private const int CannotOpen = 14;
    private const int NotADatabase = 26;

    /// <summary>True for failures that <see cref="Describe"/> words (the database, not a bug, is at fault).</summary>
    public static bool IsDatabaseFailure(Exception e) => e is DbException or IOException or UnauthorizedAccessException;

    /// <summary>One line for <paramref name="e"/>, raised while opening or migrating the database at <paramref name="connectionString"/>.</summary>
    public static DatabaseUnavailableException Describe(Exception e, string connectionString, StorageProvider provider)
    {
        if (provider == StorageProvider.Postgres)
            return new DatabaseUnavailableException($"PostgreSQL {Server(connectionString)}: {e.Message.TrimEnd('.')}.", e);
        var file = SqliteFile(connectionString);
        var message = Directory.Exists(file) ? $"'{file}' is a directory, not a database file."
            : e is SqliteException sqlite
            ? (sqlite.SqliteErrorCode & 0xFF) switch
            {
                NotADatabase => $"'{file}' is not a SQLite database (Storage:ConnectionString or --db names another kind of file).",
                Corrupt => $"'{file}' is a corrupt SQLite database.",
                CannotOpen => $"'{file}' cannot be opened: its directory is missing or not writable, or the path is a directory.",
                ReadOnly => $"'{file}' cannot be written: the file or its directory is read-only.",
                _ => $"'{file}': {sqlite.Message}",
            }
            : $"'{file}': {e.Message}";
        return new DatabaseUnavailableException(message, e);
    }

    private static string SqliteFile(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return string.IsNullOrWhiteSpace(source) || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || source == ":memory:"
            ? source
            : Path.GetFullPath(source);
    }

    // Host, port and database only: the connection string may carry a password.
    private static string Server(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{builder.Host}:{builder.Port}/{builder.Database}";
        }
        catch (ArgumentException)
        {
            return "(unreadable Storage:ConnectionString)";
        }
    }
}
