using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Storage;

/// <summary>Checks <see cref="StorageOptions"/> at start; every message names the configuration key.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (options.Provider == StorageProvider.Postgres)
            failures.Add($"{StorageOptions.SectionName}:Provider 'Postgres' is not supported yet; use 'Sqlite'.");
        else if (!Enum.IsDefined(options.Provider))
            failures.Add($"{StorageOptions.SectionName}:Provider '{options.Provider}' is unknown; use 'Sqlite'.");

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            failures.Add($"{StorageOptions.SectionName}:ConnectionString is required.");
        else if (options.Provider == StorageProvider.Sqlite && !IsValidSqlite(options.ConnectionString))
            failures.Add($"{StorageOptions.SectionName}:ConnectionString is not a valid SQLite connection string with a Data Source.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
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
