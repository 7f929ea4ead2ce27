namespace ChatOpsBot.Core.Playbook.Coverage;

/// <summary>A feed location as analysts read it: a file by its name, a URL without its query (which may carry a key).</summary>
public static class FeedNames
{
    /// <summary>The display form of <paramref name="location"/>.</summary>
    public static string Display(string location)
    {
        if (Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            return uri.GetLeftPart(UriPartial.Path);
        return string.IsNullOrWhiteSpace(location) ? "(none)" : QueryCoverage.FileName(location);
    }
}
