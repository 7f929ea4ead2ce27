using ChatOpsBot.Core.Playbook;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Scheduling;

/// <summary>Checks <see cref="PromptTimeoutOptions"/> at start; each failure names its key.</summary>
public sealed class PromptTimeoutOptionsValidator : IValidateOptions<PromptTimeoutOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PromptTimeoutOptions options)
    {
        var errors = new List<string>();
        const string p = PromptTimeoutOptions.SectionName;
        if (options.ReminderAfter is { } r && r <= TimeSpan.Zero) errors.Add($"{p}:ReminderAfter must be positive.");
        if (options.CheckInterval < TimeSpan.FromSeconds(1)) errors.Add($"{p}:CheckInterval must be at least 00:00:01.");
        foreach (var (section, answer) in options.DefaultAnswers)
        {
            if (!Enum.TryParse<PlaybookSection>(section, ignoreCase: true, out _))
                errors.Add($"{p}:DefaultAnswers:{section} is not a playbook section.");
            if (answer.After <= TimeSpan.Zero) errors.Add($"{p}:DefaultAnswers:{section}:After must be positive.");
            if (string.IsNullOrWhiteSpace(answer.Option)) errors.Add($"{p}:DefaultAnswers:{section}:Option is required.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
