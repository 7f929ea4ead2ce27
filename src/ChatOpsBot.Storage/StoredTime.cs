using System.Globalization;
using ChatOpsBot.Storage.Sqlite;

namespace ChatOpsBot.Storage;

/// <summary>Timestamps as the store keeps them (fixed-width UTC ISO text), for raw SQL that compares or returns them.</summary>
internal static class StoredTime
{
    public static string Text(DateTimeOffset value) =>
        value.ToUniversalTime().ToString(UtcIsoDateTimeOffsetConverter.Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.ParseExact(text, UtcIsoDateTimeOffsetConverter.Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
