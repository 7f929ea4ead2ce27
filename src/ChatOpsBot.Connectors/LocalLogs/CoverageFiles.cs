using ChatOpsBot.Connectors.LocalLogs.Scanning;
using ChatOpsBot.Core.Siem;

namespace ChatOpsBot.Connectors.LocalLogs;

/// <summary>The coverage entries of a scan's files: one per problem, with a Zeek directory's other log types summed up.</summary>
internal static class CoverageFiles
{
    public static List<CoverageFile> Summarise(IReadOnlyList<ScannedFile> files)
    {
        var entries = new List<CoverageFile>();
        // An archive day holds a dozen log types per hour: a line per directory keeps the coverage readable.
        var otherTypes = files.Where(f => f.IgnoredType is not null)
            .GroupBy(f => Path.GetDirectoryName(f.Path) ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var summarised = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (file.Problem is not { } problem)
            {
                continue;
            }

            if (file.IgnoredType is null)
            {
                entries.Add(problem);
                continue;
            }

            var directory = Path.GetDirectoryName(file.Path) ?? "";
            var group = otherTypes[directory];
            if (group.Count == 1)
            {
                entries.Add(problem);
            }
            else if (summarised.Add(directory))
            {
                var types = group.Select(f => f.IgnoredType!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
                entries.Add(new CoverageFile(directory, CoverageFileStatus.Ignored,
                    $"{group.Count} Zeek logs of other types than conn, not connections: {string.Join(", ", types)}"));
            }
        }

        return entries;
    }
}
