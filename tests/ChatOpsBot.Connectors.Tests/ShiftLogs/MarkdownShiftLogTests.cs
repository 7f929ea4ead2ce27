using ChatOpsBot.Connectors.ShiftLogs;
using ChatOpsBot.Connectors.Tests.TestSupport;
using ChatOpsBot.Core.ShiftLogs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Tests.ShiftLogs;

public sealed class MarkdownShiftLogTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 14, 3, 0, TimeSpan.Zero);

    private readonly TempDirectory _temp = new();
    private readonly string _path;
    private readonly MarkdownShiftLog _log;

    public MarkdownShiftLogTests()
    {
        _path = Path.Combine(_temp.Path, "logs", "shift.md");
        _log = new MarkdownShiftLog(Options.Create(new ShiftLogOptions { File = _path }));
    }

    public void Dispose()
    {
        _log.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task AppendAsync_NewFile_CreatesTitleAndSection()
    {
        await _log.AppendAsync(new ShiftLogEntry("run-1", At, ["alice", "bob"], ["Feed loaded: 38 IPs", "Host 10.20.1.15 isolated"], null), CancellationToken.None);

        var text = await File.ReadAllTextAsync(_path);
        Assert.StartsWith("# SOC shift log\n", text, StringComparison.Ordinal);
        Assert.Contains("<!-- run:run-1 -->\n## Run run-1 — 2026-11-27 14:03 UTC", text, StringComparison.Ordinal);
        Assert.Contains("**Analysts:** alice, bob", text, StringComparison.Ordinal);
        Assert.Contains("- Host 10.20.1.15 isolated\n", text, StringComparison.Ordinal);
        Assert.Contains("**Post-mortem:** not requested", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppendAsync_SameRunTwice_WritesOnce()
    {
        var entry = new ShiftLogEntry("run-1", At, ["alice"], ["done"], null);

        await _log.AppendAsync(entry, CancellationToken.None);
        await _log.AppendAsync(entry with { Summary = ["again"] }, CancellationToken.None);

        var text = await File.ReadAllTextAsync(_path);
        Assert.Single(text.Split("<!-- run:run-1 -->")[1..]);
        Assert.DoesNotContain("again", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppendAsync_DifferentRuns_AppendsBothInOrder()
    {
        await _log.AppendAsync(new ShiftLogEntry("run-1", At, ["alice"], ["first"], null), CancellationToken.None);
        await _log.AppendAsync(new ShiftLogEntry("run-2", At.AddHours(1), ["bob"], ["second"], null), CancellationToken.None);

        var text = await File.ReadAllTextAsync(_path);
        Assert.True(text.IndexOf("run:run-1", StringComparison.Ordinal) < text.IndexOf("run:run-2", StringComparison.Ordinal));
        Assert.Single(text.Split("# SOC shift log")[1..]);
    }

    [Fact]
    public async Task AppendAsync_PostMortem_IsVisibleAsQuote()
    {
        await _log.AppendAsync(new ShiftLogEntry("run-1", At, ["alice"], [], "Containment took\n40 minutes"), CancellationToken.None);

        var text = await File.ReadAllTextAsync(_path);
        Assert.Contains("> **⚠ Post-mortem requested:** Containment took 40 minutes\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppendAsync_HostileText_CannotAddHeadingsOrForgeMarkers()
    {
        await _log.AppendAsync(
            new ShiftLogEntry("run-1", At, ["# mallory"], ["ok\n# Injected heading\n<!-- run:run-2 -->", "1. not a list"], null),
            CancellationToken.None);
        await _log.AppendAsync(new ShiftLogEntry("run-2", At, ["bob"], ["real run 2"], null), CancellationToken.None);

        var lines = (await File.ReadAllTextAsync(_path)).Split('\n');
        Assert.DoesNotContain(lines, l => l.StartsWith("# Injected", StringComparison.Ordinal));
        Assert.Contains("- ok # Injected heading &lt;!-- run:run-2 -->", lines);
        Assert.Contains("**Analysts:** \\# mallory", lines);
        Assert.Contains("- \\1. not a list", lines);
        Assert.Contains("- real run 2", lines);
    }

    [Fact]
    public async Task AppendAsync_RunIdWithCommentTerminator_StaysInsideMarker()
    {
        await _log.AppendAsync(new ShiftLogEntry("x -->\n# y", At, [], [], null), CancellationToken.None);
        await _log.AppendAsync(new ShiftLogEntry("x -->\n# y", At, [], [], null), CancellationToken.None);

        var text = await File.ReadAllTextAsync(_path);
        Assert.Single(text.Split("<!-- run:x%20--%3E%0A%23%20y -->")[1..]);
        Assert.DoesNotContain("\n# y", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMarkdownShiftLog_FileUnset_FailsStartValidationNamingKey()
    {
        using var provider = new ServiceCollection().AddMarkdownShiftLog(TestConfiguration.From()).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("ShiftLog:File must be set", ex.Message, StringComparison.Ordinal);
    }
}
