using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ChatOpsBot.Storage.Sqlite;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as fixed-width ISO 8601 text in UTC, so text order is time order
/// (SQLite cannot order the provider's default offset-carrying form) and the file stays readable.
/// </summary>
internal sealed class UtcIsoDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, string>(
    value => value.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture),
    text => DateTimeOffset.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal))
{
    public const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'";
}
