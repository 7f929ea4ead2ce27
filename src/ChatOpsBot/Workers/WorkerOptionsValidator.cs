using Microsoft.Extensions.Options;

namespace ChatOpsBot.Workers;

/// <summary>Checks <see cref="WorkerOptions"/> at start; each failure names its key.</summary>
public sealed class WorkerOptionsValidator : IValidateOptions<WorkerOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string s = WorkerOptions.Section;
        var errors = new List<string>();
        if (options.MaxBackoff < TimeSpan.FromMilliseconds(500)) errors.Add($"{s}:MaxBackoff must be at least 00:00:00.5 (was {options.MaxBackoff}).");
        if (options.StallAfter < TimeSpan.FromSeconds(5)) errors.Add($"{s}:StallAfter must be at least 00:00:05 (was {options.StallAfter}).");
        if (options.DatabaseUnreachableAfter <= TimeSpan.Zero)
            errors.Add($"{s}:DatabaseUnreachableAfter must be positive (was {options.DatabaseUnreachableAfter}).");
        if (options.InboxParallelism is < 1 or > 16) errors.Add($"{s}:InboxParallelism must be between 1 and 16 (was {options.InboxParallelism}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
