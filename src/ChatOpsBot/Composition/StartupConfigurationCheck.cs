using Microsoft.Extensions.Options;

namespace ChatOpsBot.Composition;

/// <summary>
/// Validates every <c>ValidateOnStart</c> option before the host starts, so bad configuration produces one
/// clear line naming the key instead of a logged stack trace.
/// </summary>
public static class StartupConfigurationCheck
{
    /// <summary>Null when the configuration is valid, otherwise one line describing every problem.</summary>
    public static string? Problems(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return null;
        }
        catch (Exception e) when (Describe(e) is { } line)
        {
            return line;
        }
    }

    internal static string? Describe(Exception e)
    {
        var failures = Flatten(e).SelectMany(Failures).Distinct().ToList();
        return failures.Count == 0 ? null : $"Configuration error: {string.Join(" ", failures)}";
    }

    private static IEnumerable<string> Failures(Exception e) => e switch
    {
        OptionsValidationException v => v.Failures.Select(Clean),
        // The binder names the key itself: "Failed to convert configuration value 'x' at 'Storage:Provider' to type …".
        InvalidOperationException i when i.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
            [$"{i.Message} {i.InnerException?.Message}".Trim()],
        _ => [],
    };

    // DataAnnotations failures arrive wrapped ("DataAnnotation validation failed for 'X' members: 'Y' with the error: '…'."): keep the message.
    private static string Clean(string failure)
    {
        const string marker = "with the error: '";
        var at = failure.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? failure : failure[(at + marker.Length)..].TrimEnd('.', '\'') + ".";
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        yield return e;
        if (e is AggregateException a)
            foreach (var inner in a.InnerExceptions.SelectMany(Flatten)) yield return inner;
        else if (e.InnerException is { } inner)
            foreach (var x in Flatten(inner)) yield return x;
    }
}
