namespace ChatOpsBot.Storage;

/// <summary>Database engines the store can run on.</summary>
public enum StorageProvider
{
    /// <summary>A local SQLite file (default).</summary>
    Sqlite,
    /// <summary>PostgreSQL; declared for configuration, rejected at start until it is implemented.</summary>
    Postgres,
}
