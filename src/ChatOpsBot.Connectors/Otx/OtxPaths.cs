using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChatOpsBot.Connectors.Otx;

/// <summary>
/// Indicator paths as OTX expects them. OTX's own Python SDK (OTXv2, <c>get_indicator_details_by_section</c>) formats
/// <c>/api/v1/indicators/{type}/{indicator}/{section}</c> with the indicator as it is: a URL keeps its <c>://</c> and
/// slashes (<c>/api/v1/indicators/url/http://example.com/a/b/general</c>), an IPv6 address its colons
/// (<c>/api/v1/indicators/IPv6/2001:db8::1/general</c>), and <c>requests</c> then only percent-encodes what may not
/// appear in a URI. We do the same, and also encode <c>?</c> and <c>#</c>, which would otherwise cut the URL's query
/// off into the request's own query string. Percent-encoding the slashes (<c>%2F</c>) is what not to do: servers and
/// proxies decode or refuse them, and OTX then answers 404 (see <see cref="OtxIntel.LookupUrlAsync"/>).
/// </summary>
internal static class OtxPaths
{
    /// <summary><c>api/v1/indicators/IPv4/{ip}/general</c> or <c>…/IPv6/{ip}/general</c> (an IPv4-mapped address is IPv4).</summary>
    public static string Ip(IPAddress ip)
    {
        var address = ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip;
        var section = address.AddressFamily == AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4";
        // IPAddress text is digits, hex, dots and colons: legal in a path as it is. A scope id (%eth0) is not an indicator.
        return $"api/v1/indicators/{section}/{new IPAddress(address.GetAddressBytes()).ToString()}/general";
    }

    /// <summary><c>api/v1/indicators/file/{hash}/general</c>.</summary>
    public static string FileHash(string hash) => $"api/v1/indicators/file/{Uri.EscapeDataString(hash.Trim())}/general";

    /// <summary><c>api/v1/indicators/url/{url}/general</c>, the URL as OTXv2 sends it (see the class remarks).</summary>
    public static string Url(string url) => $"api/v1/indicators/url/{Escape(url.Trim())}/general";

    /// <summary>
    /// Keeps the characters a path may carry as they are (unreserved, sub-delims, <c>:</c>, <c>@</c>, <c>/</c>, and
    /// existing <c>%XX</c> escapes); percent-encodes the rest as UTF-8, including <c>?</c>, <c>#</c> and a stray <c>%</c>.
    /// </summary>
    internal static string Escape(string text)
    {
        var result = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
                result.Append(c);
            else if (char.IsAsciiLetterOrDigit(c) || "-._~!$&'()*+,;=:@/".Contains(c, StringComparison.Ordinal))
                result.Append(c);
            else
            {
                var end = char.IsHighSurrogate(c) && i + 1 < text.Length ? i + 2 : i + 1;
                foreach (var b in Encoding.UTF8.GetBytes(text[i..end])) result.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                i = end - 1;
            }
        }
        return result.ToString();
    }
}
