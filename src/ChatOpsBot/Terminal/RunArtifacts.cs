using ChatOpsBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Terminal;

/// <summary>
/// Where a terminal user finds the files a run mentions (hits CSV, triage CSV, pivot CSV, exported .eml, report):
/// <c>runs/&lt;run-id&gt;/</c> next to the SQLite database (<c>.data/runs/</c> with the default database, and for
/// PostgreSQL, which has no file to sit next to).
/// </summary>
public sealed class RunArtifacts(IOptions<StorageOptions> storage)
{
    /// <summary>The folder for <paramref name="runId"/> (not created).</summary>
    public string DirectoryFor(string runId) => Path.Combine(Root(), SafeName(runId));

    /// <summary>Writes <paramref name="content"/> as <paramref name="fileName"/> in the run's folder; returns the full path.</summary>
    public string Save(string runId, string fileName, ReadOnlySpan<byte> content) => SaveIn(DirectoryFor(runId), fileName, content);

    /// <summary>Writes <paramref name="content"/> as <paramref name="fileName"/> in <paramref name="directory"/>; returns the full path.</summary>
    public static string SaveIn(string directory, string fileName, ReadOnlySpan<byte> content)
    {
        Directory.CreateDirectory(directory);
        var path = Path.GetFullPath(Path.Combine(directory, SafeName(fileName)));
        File.WriteAllBytes(path, content.ToArray());
        return path;
    }

    /// <summary>
    /// A file name that stays inside its folder: outside text (a user name, a mail's message id) is part of some file
    /// names, so separators, "..", control characters and leading dots are replaced.
    /// </summary>
    public static string SafeName(string name)
    {
        var chars = name.Select(c => char.IsControl(c) || c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c).ToArray();
        var safe = new string(chars).Trim().TrimStart('.');
        return safe.Length == 0 ? "file" : safe.Length > 150 ? safe[..150] : safe;
    }

    private string Root()
    {
        var options = storage.Value;
        if (options.Provider == StorageProvider.Sqlite)
        {
            var dataSource = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
            if (!string.IsNullOrWhiteSpace(dataSource) && dataSource != ":memory:" && !dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
                return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataSource)) ?? ".", "runs");
        }
        return Path.GetFullPath(Path.Combine(".data", "runs"));
    }
}
