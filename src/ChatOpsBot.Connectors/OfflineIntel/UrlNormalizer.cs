namespace ChatOpsBot.Connectors.OfflineIntel;

/// <summary>
/// Light URL normalisation so the link in a mail matches the pulse's spelling: scheme and host lower-case,
/// default port and fragment dropped, trailing slash of the path ignored. Path and query stay case-sensitive.
/// </summary>
internal static class UrlNormalizer
{
    public static string Normalize(string url)
    {
        var trimmed = url.Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return trimmed;
        }

        // Authority leaves out user info and a default port.
        return $"{uri.Scheme}://{uri.Authority.ToLowerInvariant()}{uri.AbsolutePath.TrimEnd('/')}{uri.Query}";
    }
}
