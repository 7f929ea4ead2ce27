namespace ChatOpsBot.Composition;

/// <summary>
/// Finds the folders the bot ships with (<c>samples/</c>, <c>appsettings.json</c>) whether it runs through
/// <c>dotnet run</c> from the repository or as a built DLL from anywhere.
/// </summary>
public static class RepositoryPaths
{
    /// <summary>The directory holding <c>appsettings.json</c>: the working directory when it has one, else the app's own.</summary>
    public static string ContentRoot()
    {
        var cwd = Directory.GetCurrentDirectory();
        return File.Exists(Path.Combine(cwd, "appsettings.json")) ? cwd : AppContext.BaseDirectory;
    }

    /// <summary>The bundled <c>samples/</c> folder, or null when it cannot be found.</summary>
    public static string? Samples()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples");
                if (File.Exists(Path.Combine(candidate, "demo.json"))) return candidate;
            }
        }
        return null;
    }
}
