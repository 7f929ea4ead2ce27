using Cronos;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Scheduling;

/// <summary>Checks <see cref="SchedulerOptions"/> at start; each failure names its key.</summary>
public sealed class SchedulerOptionsValidator : IValidateOptions<SchedulerOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SchedulerOptions options)
    {
        var errors = new List<string>();
        const string s = SchedulerOptions.SectionName;
        if (options.PollInterval < TimeSpan.FromSeconds(1)) errors.Add($"{s}:PollInterval must be at least 00:00:01.");
        if (options.CatchUp < TimeSpan.Zero) errors.Add($"{s}:CatchUp must not be negative.");
        for (var i = 0; i < options.Schedules.Count; i++)
        {
            var schedule = options.Schedules[i];
            var key = $"{s}:Schedules:{i}";
            if (string.IsNullOrWhiteSpace(schedule.Name)) errors.Add($"{key}:Name is required.");
            else if (options.Schedules.Take(i).Any(o => string.Equals(o.Name, schedule.Name, StringComparison.OrdinalIgnoreCase)))
                errors.Add($"{key}:Name '{schedule.Name}' is used twice.");
            if (TryParse(schedule.Cron) is null) errors.Add($"{key}:Cron '{schedule.Cron}' is not a cron expression (5 fields, or 6 with seconds).");
            if (TryZone(schedule.TimeZone) is null) errors.Add($"{key}:TimeZone '{schedule.TimeZone}' is not a known time zone (IANA id, e.g. Europe/Berlin).");
            if (schedule.Channel is not ("slack" or "teams" or "terminal")) errors.Add($"{key}:Channel must be slack or teams (was '{schedule.Channel}').");
            if (schedule.Window is { } w && (w <= TimeSpan.Zero || w > TimeSpan.FromDays(90))) errors.Add($"{key}:Window must be between 00:00:01 and 90.00:00:00.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>The parsed expression, or null.</summary>
    public static CronExpression? TryParse(string? cron)
    {
        if (string.IsNullOrWhiteSpace(cron)) return null;
        var format = cron.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        return CronExpression.TryParse(cron, format, out var expression) ? expression : null;
    }

    /// <summary>The time zone, or null.</summary>
    public static TimeZoneInfo? TryZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
}
