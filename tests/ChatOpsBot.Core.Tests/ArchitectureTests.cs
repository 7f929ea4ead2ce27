using System.Reflection;
using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Core.Tests;

/// <summary>
/// House rule 1, Core's packages: Stateless and Microsoft.Extensions abstractions only. The arrows between our own
/// projects, for every project, are checked in ChatOpsBot.Tests (ArchitectureTests), which can load them all.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly AssemblyName[] References = typeof(PlaybookRun).Assembly.GetReferencedAssemblies();

    public static TheoryData<string> Forbidden() => new()
    {
        "Microsoft.AspNetCore", "System.Net.Http", "Microsoft.Extensions.Http", "SlackNet", "Slack", "Teams", "Microsoft.Bot",
        "Microsoft.Agents", "Microsoft.EntityFrameworkCore", "Npgsql", "Serilog", "MailKit", "MimeKit", "CsvHelper",
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void CoreAssembly_DoesNotReference_OuterLayer(string prefix)
    {
        Assert.DoesNotContain(References, r => r.Name!.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || r.Name.Contains($".{prefix}", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void CoreAssembly_ReferencesOnlyStatelessSystemAndExtensionAbstractions()
    {
        var allowed = References.Select(r => r.Name!).Where(IsAllowed).ToList();
        var others = References.Select(r => r.Name!).Except(allowed).ToList();

        Assert.True(others.Count == 0, $"Core references {string.Join(", ", others)}; only Stateless, System.*, Microsoft.Extensions.*.Abstractions/Options/Logging are allowed.");
        Assert.Contains("Stateless", allowed);
    }

    private static bool IsAllowed(string name) =>
        name == "Stateless" || name is "System" or "netstandard" || name.StartsWith("System.", StringComparison.Ordinal) && !name.StartsWith("System.Net.Http", StringComparison.Ordinal)
        || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
           && (name.EndsWith(".Abstractions", StringComparison.Ordinal) || name is "Microsoft.Extensions.Options" or "Microsoft.Extensions.Logging");
}
