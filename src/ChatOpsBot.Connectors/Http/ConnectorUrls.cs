namespace ChatOpsBot.Connectors.Http;

internal static class ConnectorUrls
{
    /// <summary>A base address relative paths append to (without the slash, the last segment would be replaced).</summary>
    public static Uri WithTrailingSlash(Uri url) =>
        url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
}
