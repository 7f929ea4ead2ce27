namespace ChatOpsBot.Storage;

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Storage";

    /// <summary>The default SQLite connection string.</summary>
    public const string DefaultConnectionString = "Data Source=.data/chatopsbot.db";

    /// <summary><c>Storage:Provider</c>: <see cref="StorageProvider.Sqlite"/> (default) or <see cref="StorageProvider.Postgres"/>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// <c>Storage:ConnectionString</c>; default <c>Data Source=.data/chatopsbot.db</c>. A missing SQLite directory is created.
    /// </summary>
    public string ConnectionString { get; set; } = DefaultConnectionString;

    /// <summary>
    /// <c>Storage:RunCacheSize</c>; default 64. How many runs (the most recently used) each replica keeps the
    /// timeline, closed prompts and hits of in memory, so loading a run reads only entries it has not seen and a save
    /// can tell that it only appends. A run evicted between its load and its save still saves correctly, but rewrites
    /// those lists once.
    /// </summary>
    public int RunCacheSize { get; set; } = 64;
}
