using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Core.Playbook;

/// <summary>Checks <see cref="PlaybookOptions"/> at start; each failure names its configuration key.</summary>
public sealed class PlaybookOptionsValidator : IValidateOptions<PlaybookOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PlaybookOptions options)
    {
        var errors = new List<string>();
        const string p = PlaybookOptions.Section;
        if (options.DefaultWindow <= TimeSpan.Zero || options.DefaultWindow > TimeSpan.FromDays(90))
            errors.Add($"{p}:DefaultWindow must be between 00:00:01 and 90.00:00:00 (was {options.DefaultWindow}).");
        if (options.MailLookbackDays is < 1 or > 90)
            errors.Add($"{p}:MailLookbackDays must be between 1 and 90 (was {options.MailLookbackDays}).");
        Regex? pattern = null;
        try { pattern = new Regex(options.HelpdeskTicketPattern, RegexOptions.CultureInvariant); }
        catch (ArgumentException e) { errors.Add($"{p}:HelpdeskTicketPattern is not a valid regular expression: {e.Message}"); }
        if (options.TriageThreshold < 0)
            errors.Add($"{p}:TriageThreshold must be 0 (no triage) or more (was {options.TriageThreshold}).");
        if (options.CoverageTolerance < TimeSpan.Zero || options.CoverageTolerance > TimeSpan.FromDays(7))
            errors.Add($"{p}:CoverageTolerance must be between 00:00:00 and 7.00:00:00 (was {options.CoverageTolerance}).");
        if (options.Auto.MaxRetries is < 0 or > 100)
            errors.Add($"{p}:Auto:MaxRetries must be between 0 and 100 (was {options.Auto.MaxRetries}).");
        if (string.IsNullOrWhiteSpace(options.Priority)) errors.Add($"{p}:Priority must not be empty.");
        foreach (var (key, value) in new[] { ("Validation", options.Approvals.Validation), ("Containment", options.Approvals.Containment), ("Closure", options.Approvals.Closure) })
            if (value is < 1 or > 5) errors.Add($"{p}:Approvals:{key} must be between 1 and 5 (was {value}).");
        if (pattern is not null)
        {
            string sample;
            try { sample = string.Format(CultureInfo.InvariantCulture, options.Auto.HelpdeskTicketFormat, 1); }
            catch (FormatException) { sample = ""; errors.Add($"{p}:Auto:HelpdeskTicketFormat is not a valid format string."); }
            if (sample.Length > 0 && !pattern.IsMatch(sample))
                errors.Add($"{p}:Auto:HelpdeskTicketFormat produces '{sample}', which {p}:HelpdeskTicketPattern rejects.");
        }
        if (string.IsNullOrWhiteSpace(options.Auto.PhishingColleague)) errors.Add($"{p}:Auto:PhishingColleague must not be empty.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
