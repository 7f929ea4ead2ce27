using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.LocalLogs;

/// <summary>Checks <see cref="LocalLogsOptions"/> at start; every message names the configuration key.</summary>
internal sealed class LocalLogsOptionsValidator : IValidateOptions<LocalLogsOptions>
{
    public ValidateOptionsResult Validate(string? name, LocalLogsOptions options)
    {
        var failures = new List<string>();
        const string Section = LocalLogsOptions.SectionName;
        if (options.Paths.Count == 0)
        {
            failures.Add($"{Section}:Paths must list at least one log file or directory.");
        }

        for (var i = 0; i < options.Paths.Count; i++)
        {
            var path = options.Paths[i];
            // Whether the path exists is the hunt's concern (HuntInputs in the host), not the start's: a service or
            // `runs list` with the inputs not mounted yet must still start.
            if (string.IsNullOrWhiteSpace(path))
            {
                failures.Add($"{Section}:Paths:{i} is empty.");
            }
        }

        if (!Enum.IsDefined(options.Format))
        {
            failures.Add($"{Section}:Format must be one of {string.Join(", ", Enum.GetNames<LocalLogFormat>())}.");
        }

        if (options.MaxDegreeOfParallelism < 1)
        {
            failures.Add($"{Section}:MaxDegreeOfParallelism must be at least 1 (default: processor count).");
        }

        var columns = options.CsvColumns;
        if (columns is null)
        {
            failures.Add($"{Section}:CsvColumns is missing.");
        }
        else
        {
            if (string.IsNullOrWhiteSpace(columns.Timestamp))
            {
                failures.Add($"{Section}:CsvColumns:Timestamp must name a column.");
            }

            if (string.IsNullOrWhiteSpace(columns.SourceIp))
            {
                failures.Add($"{Section}:CsvColumns:SourceIp must name a column.");
            }

            if (string.IsNullOrWhiteSpace(columns.DestinationIp))
            {
                failures.Add($"{Section}:CsvColumns:DestinationIp must name a column.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
