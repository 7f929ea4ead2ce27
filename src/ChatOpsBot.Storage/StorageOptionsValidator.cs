using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Storage;

/// <summary>Checks <see cref="StorageOptions"/> at start; every message names the configuration key.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Provider))
            failures.Add($"{StorageOptions.SectionName}:Provider '{options.Provider}' is unknown; use 'Sqlite' or 'Postgres'.");

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            failures.Add($"{StorageOptions.SectionName}:ConnectionString is required.");
        else if (options.Provider == StorageProvider.Sqlite && !IsValidSqlite(options.ConnectionString))
            failures.Add($"{StorageOptions.SectionName}:ConnectionString is not a valid SQLite connection string with a Data Source.");
        else if (options.Provider == StorageProvider.Postgres && !IsValidPostgres(options.ConnectionString))
            failures.Add($"{StorageOptions.SectionName}:ConnectionString is not a valid PostgreSQL connection string with a Host (e.g. Host=db;Database=chatopsbot;Username=bot).");

        if (options.RunCacheSize < 1)
            failures.Add($"{StorageOptions.SectionName}:RunCacheSize must be at least 1.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsValidPostgres(string connectionString)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Host);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsValidSqlite(string connectionString)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(new SqliteConnectionStringBuilder(connectionString).DataSource);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
