using System.Globalization;
using System.Net;

namespace ChatOpsBot.Connectors.Splunk;

/// <summary>Fills the ad-hoc search template and formats times the way the search endpoints take them.</summary>
internal static class SplunkSearchText
{
    /// <summary>The template with <c>{ips}</c> replaced by <c>"a", "b", …</c>. Indicator text is IP/CIDR only, so quoting is safe.</summary>
    public static string Adhoc(string template, IEnumerable<IPNetwork> indicators) =>
        template.Replace("{ips}", string.Join(", ", indicators.Select(i => $"\"{IndicatorMatcher.Text(i)}\"")), StringComparison.Ordinal);

    /// <summary>Epoch seconds with milliseconds, as <c>earliest_time</c>/<c>latest_time</c> accept.</summary>
    public static string Epoch(DateTimeOffset time) =>
        (time.ToUnixTimeMilliseconds() / 1000m).ToString("0.###", CultureInfo.InvariantCulture);
}
