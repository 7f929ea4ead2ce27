using System.Text.Json;
using System.Text.RegularExpressions;
using ChatOpsBot.Storage;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Composition;

/// <summary>
/// The start-up failures an operator causes and fixes (a settings file that is not JSON, a database that cannot be
/// used, an address already taken), each as one line for stderr. Anything else is a bug and keeps its stack trace.
/// </summary>
public static partial class StartupFailure
{
    /// <summary>The line for <paramref name="e"/>, or null when it is not an expected start-up failure.</summary>
    public static string? Describe(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case BadConfigurationException bad:
                    return $"Configuration error: {bad.Message}";
                case OptionsValidationException:
                    // Options read while the host is built (e.g. by endpoint mapping) fail there, not in the start-up check.
                    return StartupConfigurationCheck.Describe(x);
                case DatabaseUnavailableException database:
                    return $"Database error: {database.Message}";
                case InvalidDataException { InnerException: FormatException { InnerException: JsonException json } } file when SettingsFile(file.Message) is { } path:
                    return $"Configuration error: {path} line {json.LineNumber + 1}, column {json.BytePositionInLine + 1}: {JsonReason(json)}";
                case IOException io when io.InnerException is AddressInUseException:
                    return $"Cannot serve: {io.Message}";
            }
            if (x is AggregateException { InnerExceptions.Count: 1 } aggregate && Describe(aggregate.InnerExceptions[0]) is { } inner) return inner;
        }
        return null;
    }

    // "Failed to load configuration from file '/app/appsettings.json'." — the configuration builder names the file.
    private static string? SettingsFile(string message) => SettingsFilePattern().Match(message) is { Success: true } m ? m.Groups[1].Value : null;

    // System.Text.Json ends its message with "[Path: $ |] LineNumber: 3 | BytePositionInLine: 4."; the position is given already.
    private static string JsonReason(JsonException json)
    {
        var message = json.Message;
        foreach (var marker in new[] { " Path: ", " LineNumber: " })
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0) message = message[..at];
        }
        return message.Trim();
    }

    [GeneratedRegex("^Failed to load configuration from file '(.+)'")]
    private static partial Regex SettingsFilePattern();
}
