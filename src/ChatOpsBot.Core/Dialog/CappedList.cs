using System.Globalization;

namespace ChatOpsBot.Core.Dialog;

/// <summary>
/// A list for a chat message, cut after a few items: a hunt can name hundreds of IPs or hosts, and a message that
/// names them all is unreadable (and over Slack's 3 000-character block limit). The full list goes in a CSV or a ticket.
/// </summary>
public static class CappedList
{
    /// <summary>The first <paramref name="max"/> items, comma-separated, then "and N more" when there are others.</summary>
    public static string Join(IReadOnlyCollection<string> items, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var listed = string.Join(", ", items.Take(max));
        return items.Count <= max ? listed : $"{listed} and {(items.Count - max).ToString(CultureInfo.InvariantCulture)} more";
    }
}
