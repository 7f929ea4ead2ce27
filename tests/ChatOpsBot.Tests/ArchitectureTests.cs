using System.Reflection;
using System.Xml.Linq;
using ChatOpsBot.Tests.Support;

namespace ChatOpsBot.Tests;

/// <summary>
/// House rule 1 for every project, not only Core: dependencies point inward, Core ← Connectors / Slack / Teams / Storage
/// ← host, checked twice — from each csproj's ProjectReferences (what the build is told) and from each built assembly's
/// references (what the compiler actually kept). Core's own package allow-list is checked in ChatOpsBot.Core.Tests.
/// </summary>
public sealed class ArchitectureTests
{
    private const string Core = "ChatOpsBot.Core";
    private const string Host = "ChatOpsBot";

    /// <summary>Which of our projects each project may reference. A new project must be placed here first.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        [Core] = [],
        ["ChatOpsBot.Connectors"] = [Core],
        ["ChatOpsBot.Slack"] = [Core],
        ["ChatOpsBot.Teams"] = [Core],
        ["ChatOpsBot.Storage"] = [Core],
        [Host] = [Core, "ChatOpsBot.Connectors", "ChatOpsBot.Slack", "ChatOpsBot.Teams", "ChatOpsBot.Storage"],
    };

    /// <summary>Assemblies of the outer world Core must never see (web, HTTP, the chat platforms' SDKs).</summary>
    private static readonly string[] OuterForCore =
        ["Microsoft.AspNetCore", "System.Net.Http", "Microsoft.Extensions.Http", "SlackNet", "Microsoft.Bot", "Microsoft.Agents", "Microsoft.Teams"];

    private static string Src => Path.Combine(RepositoryRoot.Path, "src");

    public static TheoryData<string> Projects() => new(Allowed.Keys);

    [Fact]
    public void Every_src_project_has_a_place_in_the_layers()
    {
        var projects = Directory.GetDirectories(Src).Where(d => Directory.GetFiles(d, "*.csproj").Length > 0).Select(Path.GetFileName).Order().ToList();

        Assert.Equal(Allowed.Keys.Order(), projects);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Csproj_references_point_inward(string project)
    {
        var references = ProjectReferences(project);

        var wrong = Violations(project, references);
        Assert.True(wrong.Count == 0, $"{project}.csproj references {string.Join(", ", wrong)}; it may reference only [{string.Join(", ", Allowed[project])}].");
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Built_assembly_references_point_inward(string project)
    {
        var references = Assembly.Load(project).GetReferencedAssemblies().Select(a => a.Name!).ToList();

        var wrong = Violations(project, references.Where(Allowed.ContainsKey));
        Assert.True(wrong.Count == 0, $"{project}.dll references {string.Join(", ", wrong)}; it may reference only [{string.Join(", ", Allowed[project])}].");
        if (project == Core)
        {
            var outer = references.Where(r => OuterForCore.Any(o => r.StartsWith(o, StringComparison.OrdinalIgnoreCase))).ToList();
            Assert.True(outer.Count == 0, $"Core references {string.Join(", ", outer)}: no web, HTTP or chat-platform assemblies in Core.");
        }
    }

    [Fact]
    public void Core_csproj_has_no_web_framework()
    {
        var csproj = XDocument.Load(Path.Combine(Src, Core, $"{Core}.csproj"));

        Assert.Empty(csproj.Descendants("FrameworkReference"));
        Assert.DoesNotContain(csproj.Descendants("PackageReference"), p => OuterForCore.Any(o => ((string?)p.Attribute("Include") ?? "").StartsWith(o, StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [InlineData("ChatOpsBot.Slack", "ChatOpsBot.Teams")]
    [InlineData("ChatOpsBot.Storage", "ChatOpsBot.Connectors")]
    [InlineData("ChatOpsBot.Core", "ChatOpsBot.Storage")]
    [InlineData("ChatOpsBot.Teams", "ChatOpsBot")]
    public void The_rule_flags_an_arrow_pointing_outward_or_sideways(string project, string reference) =>
        Assert.Equal([reference], Violations(project, [reference]));

    private static List<string> Violations(string project, IEnumerable<string> references) =>
        references.Where(r => r != project && !Allowed[project].Contains(r, StringComparer.Ordinal)).ToList();

    private static List<string> ProjectReferences(string project) =>
        XDocument.Load(Path.Combine(Src, project, $"{project}.csproj"))
            .Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(((string)r.Attribute("Include")!).Replace('\\', '/')))
            .ToList();
}
