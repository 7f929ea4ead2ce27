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
}
