namespace ChatOpsBot.Connectors.Tests.TestSupport;

/// <summary>The repository's <c>samples/</c> folder, found above the test output directory.</summary>
internal static class SampleFiles
{
    public static string Path(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "samples");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "feed"))) return System.IO.Path.Combine([candidate, .. parts]);
        }

        throw new DirectoryNotFoundException("samples/ not found above the test output directory.");
    }
}
