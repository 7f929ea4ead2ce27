using System.Runtime.CompilerServices;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Core.Playbook.Closure;
using ChatOpsBot.Core.Playbook.Containment;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Playbook.Hunt;
using ChatOpsBot.Core.Playbook.InitialCompromise;
using ChatOpsBot.Core.Playbook.Pivot;
using ChatOpsBot.Core.Playbook.Validation;

namespace ChatOpsBot.Core.Tests.Playbook.Engine;

/// <summary>
/// The graphs are generated from the machines, so a snapshot change means the playbook changed. Review the
/// diff, then regenerate with <c>UPDATE_SNAPSHOTS=1 dotnet test tests/ChatOpsBot.Core.Tests</c>.
/// </summary>
public sealed class PlaybookGraphsTests
{
    private static readonly Dictionary<PlaybookSection, IPlaybookSection> Sections = new IPlaybookSection[]
    {
        new HuntSection(), new ValidationSection(), new ContainmentSection(), new PivotSection(), new InitialCompromiseSection(), new ClosureSection(),
    }.ToDictionary(s => s.Id);

    public static TheoryData<PlaybookSection, string, string> Formats()
    {
        var data = new TheoryData<PlaybookSection, string, string>();
        foreach (var section in Enum.GetValues<PlaybookSection>())
        {
            data.Add(section, "mermaid", "mmd");
            data.Add(section, "dot", "dot");
        }
        return data;
    }

    public static TheoryData<PlaybookSection, string> GuardDescriptions() => new()
    {
        { PlaybookSection.Hunt, "the SIEM found traffic to a feed indicator" },
        { PlaybookSection.Hunt, "no traffic to any feed indicator" },
        { PlaybookSection.Validation, "an IP awaits a verdict" },
        { PlaybookSection.Validation, "every IP has a verdict" },
        { PlaybookSection.Validation, "a pivot found new IPs" },
        { PlaybookSection.Validation, "no batch awaits triage" },
        { PlaybookSection.Validation, "enough IPs await a verdict to triage them together" },
        { PlaybookSection.Validation, "IPs of the batch still lack intel" },
        { PlaybookSection.Validation, "enough IPs of the batch have no malware intel" },
        { PlaybookSection.Validation, "intel flags too many of the batch to triage" },
        { PlaybookSection.Containment, "a compromised host is not contained yet" },
        { PlaybookSection.Containment, "every compromised host is contained" },
        { PlaybookSection.Containment, "the number matches the helpdesk ticket pattern" },
        { PlaybookSection.Containment, "a pivot confirmed new compromised hosts" },
        { PlaybookSection.Pivot, "a C2 IP confirmed from the hunt is not pivoted yet" },
        { PlaybookSection.Pivot, "every hunt C2 IP is pivoted (pivot hits never are)" },
        { PlaybookSection.Pivot, "its pulses list IPv4 indicators" },
        { PlaybookSection.Pivot, "its pulses list no IPv4 indicator" },
        { PlaybookSection.InitialCompromise, "a user of a compromised host has an unchecked mailbox" },
        { PlaybookSection.InitialCompromise, "intel flagged a mail" },
        { PlaybookSection.InitialCompromise, "another flagged mail of this user awaits review" },
        { PlaybookSection.InitialCompromise, "a colleague is named" },
        { PlaybookSection.Closure, "no further compromised hosts" },
        { PlaybookSection.Closure, "the analyst described what was unusual" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Render_Section_MatchesCommittedSnapshot(PlaybookSection section, string format, string extension)
    {
        var actual = Normalize(PlaybookGraphs.Render(Sections[section], format));
        var fileName = $"{section}.{extension}";

        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(Path.Combine(SourceSnapshotDirectory(), fileName), actual);
            return;
        }

        var path = Path.Combine(AppContext.BaseDirectory, "Playbook", "Engine", "Snapshots", fileName);
        Assert.True(File.Exists(path), $"No snapshot {fileName}. Run UPDATE_SNAPSHOTS=1 dotnet test tests/ChatOpsBot.Core.Tests and commit it.");
        var expected = Normalize(File.ReadAllText(path));
        if (expected != actual)
            Assert.Fail($"The {format} graph of {section} differs from Snapshots/{fileName} at line {FirstDifference(expected, actual)}. "
                + "If the machine change is intended, run UPDATE_SNAPSHOTS=1 dotnet test tests/ChatOpsBot.Core.Tests and review `git diff` of the snapshot.\n"
                + $"--- expected\n{expected}\n--- actual\n{actual}");
    }

    [Theory]
    [MemberData(nameof(GuardDescriptions))]
    public void Render_SectionWithGuards_ShowsGuardDescriptions(PlaybookSection section, string guard)
    {
        Assert.Contains(guard, PlaybookGraphs.Render(Sections[section], "mermaid"), StringComparison.Ordinal);
        Assert.Contains(guard, PlaybookGraphs.Render(Sections[section], "dot"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnknownFormat_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => PlaybookGraphs.Render(Sections[PlaybookSection.Hunt], "svg"));

        Assert.Contains("'svg'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FormatName_IsCaseInsensitive()
    {
        Assert.Equal(PlaybookGraphs.Render(Sections[PlaybookSection.Pivot], "mermaid"), PlaybookGraphs.Render(Sections[PlaybookSection.Pivot], "Mermaid"));
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd() + "\n";

    private static int FirstDifference(string expected, string actual)
    {
        var (e, a) = (expected.Split('\n'), actual.Split('\n'));
        for (var i = 0; i < Math.Min(e.Length, a.Length); i++)
            if (e[i] != a[i]) return i + 1;
        return Math.Min(e.Length, a.Length) + 1;
    }

    private static string SourceSnapshotDirectory([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "Snapshots");
}
