using Microsoft.Data.Sqlite;

namespace ChatOpsBot.Storage.Sqlite;

/// <summary>Prepares the file a SQLite connection string points to.</summary>
internal static class SqliteDatabaseFile
{
    /// <summary>Creates the directory of the database file when it is missing (in-memory databases need none); <see cref="DatabaseUnavailableException"/> when it cannot.</summary>
    public static void EnsureDirectory(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var dataSource = builder.DataSource;
        if (string.IsNullOrWhiteSpace(dataSource)
            || dataSource == ":memory:"
            || builder.Mode == SqliteOpenMode.Memory
            || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            return;

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (string.IsNullOrEmpty(directory)) return;
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatabaseUnavailableException($"'{Path.GetFullPath(dataSource)}' cannot be created: its directory '{directory}' cannot be made ({e.Message.TrimEnd('.')}).", e);
        }
    }
}
