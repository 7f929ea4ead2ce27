using ChatOpsBot.Core.Conversation;
using ChatOpsBot.Core.Playbook;

namespace ChatOpsBot.Core.Tests.Conversation;

public sealed class CommandGrammarTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static ConversationCommand Parsed(string text)
    {
        var parse = CommandGrammar.Parse(text, Now);
        Assert.True(parse.Command is not null, $"'{text}' was refused: {parse.Error}");
        Assert.Null(parse.Error);
        return parse.Command;
    }

    private static CommandParse Refused(string text)
    {
        var parse = CommandGrammar.Parse(text, Now);
        Assert.Null(parse.Command);
        Assert.False(string.IsNullOrWhiteSpace(parse.Error));
        Assert.DoesNotContain('\n', parse.Error!);
        return parse;
    }

    [Fact]
    public void Start_alone_leaves_the_window_to_the_configured_default() =>
        Assert.Equal(new StartCommand(null, null), Parsed("start"));

    [Fact]
    public void Start_24h_ends_now() =>
        Assert.Equal(new StartCommand(Now.AddHours(-24), Now), Parsed("start 24h"));

    [Fact]
    public void Start_3d_until_ends_at_until() =>
        Assert.Equal(new StartCommand(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero)),
            Parsed("start 3d 2026-11-28T00:00Z"));

    [Fact]
    public void Start_with_two_times_is_that_window() =>
        Assert.Equal(new StartCommand(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero)),
            Parsed("start 2026-11-27T00:00Z 2026-11-28T00:00Z"));

    [Fact]
    public void Start_with_a_future_until_is_taken_as_typed_the_coverage_check_judges_it() =>
        Assert.Equal(new StartCommand(new DateTimeOffset(2027, 5, 31, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero)),
            Parsed("start 24h 2027-06-01"));

    [Fact]
    public void Start_with_a_date_runs_from_midnight_to_now() =>
        Assert.Equal(new StartCommand(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), Now), Parsed("start 2026-11-30"));

    [Theory]
    [InlineData("  start    24h  ")]
    [InlineData("START 24H")]
    [InlineData("Start\t24h")]
    [InlineData("c2hunt start 24h")]
    [InlineData("/c2hunt start 24h")]
    [InlineData("C2HUNT start 24h")]
    public void Spacing_case_and_the_bots_name_do_not_matter(string text) =>
        Assert.Equal(new StartCommand(Now.AddHours(-24), Now), Parsed(text));

    [Theory]
    [InlineData("start soon", "since: 'soon' is not a duration")]
    [InlineData("start 0h", "since: '0h' must be a positive duration")]
    [InlineData("start 91d", "90 days")]
    [InlineData("start 99999999999999999999h", "90 days")]
    [InlineData("start 24h tomorrow", "until: 'tomorrow' is not a time")]
    [InlineData("start 2026-11-31", "since: '2026-11-31' is not a time")]
    [InlineData("start 2026-11-28T00:00Z 2026-11-27T00:00Z", "must start before it ends")]
    [InlineData("start 2026-11-28T00:00Z 2026-11-28T00:00Z", "must start before it ends")]
    [InlineData("start 2026-12-01T13:00Z", "must start before it ends")]
    [InlineData("start 2026-01-01 2026-11-28", "longer than the 90 days")]
    [InlineData("start 24h 2026-11-28 extra", "Too many words for start")]
    public void Start_bad_windows_are_refused_with_one_line(string text, string reason)
    {
        var parse = Refused(text);
        Assert.Contains(reason, parse.Error, StringComparison.Ordinal);
        Assert.Same(CommandGrammar.Start, parse.Syntax);
    }

    [Fact]
    public void A_long_word_is_quoted_cut_short()
    {
        var parse = Refused("start " + new string('x', 500));
        Assert.True(parse.Error!.Length < 200, parse.Error);
        Assert.Contains("…", parse.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_names_a_run_or_the_latest()
    {
        Assert.Equal(new StatusCommand(null), Parsed("status"));
        Assert.Equal(new StatusCommand("r-1"), Parsed("status r-1"));
        Assert.Same(CommandGrammar.Status, Refused("status r-1 r-2").Syntax);
    }

    [Fact]
    public void Runs_takes_no_words()
    {
        Assert.Equal(new RunsCommand(10), Parsed("runs"));
        Assert.Same(CommandGrammar.Runs, Refused("runs all").Syntax);
    }

    [Fact]
    public void Resume_and_cancel_need_exactly_one_run()
    {
        Assert.Equal(new ResumeCommand("r-20261201-1"), Parsed("resume r-20261201-1"));
        Assert.Equal(new CancelCommand("r-20261201-1"), Parsed("CANCEL r-20261201-1"));
        Assert.Contains("Which run?", Refused("resume").Error, StringComparison.Ordinal);
        Assert.Contains("Which run?", Refused("cancel").Error, StringComparison.Ordinal);
        Assert.Same(CommandGrammar.Cancel, Refused("cancel a b").Syntax);
        Assert.Contains("not a run id", Refused("resume " + new string('r', 101)).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("graph validation", PlaybookSection.Validation, "mermaid")]
    [InlineData("graph InitialCompromise dot", PlaybookSection.InitialCompromise, "dot")]
    [InlineData("graph initial-compromise", PlaybookSection.InitialCompromise, "mermaid")]
    [InlineData("graph CLOSURE MERMAID", PlaybookSection.Closure, "mermaid")]
    public void Graph_names_a_section_and_a_format(string text, PlaybookSection section, string format) =>
        Assert.Equal(new GraphCommand(section, format), Parsed(text));

    [Theory]
    [InlineData("graph", "Which section?")]
    [InlineData("graph 1", "'1' is not a section")]
    [InlineData("graph everything", "'everything' is not a section")]
    [InlineData("graph hunt svg", "'svg' is not a format")]
    public void Graph_unknown_sections_and_formats_are_refused(string text, string reason)
    {
        var parse = Refused(text);
        Assert.Contains(reason, parse.Error, StringComparison.Ordinal);
        Assert.Same(CommandGrammar.Graph, parse.Syntax);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("help")]
    [InlineData("c2hunt")]
    [InlineData("HELP me")]
    public void Nothing_or_help_is_help(string? text) => Assert.IsType<HelpCommand>(CommandGrammar.Parse(text, Now).Command);

    [Fact]
    public void An_unknown_verb_is_refused_without_a_syntax()
    {
        var parse = Refused("dance now");
        Assert.Equal("I don't know 'dance'.", parse.Error);
        Assert.Null(parse.Syntax);
    }

    [Fact]
    public void Help_lists_every_command_once_with_placeholders()
    {
        Assert.Equal(["start", "status", "runs", "resume", "cancel", "graph", "help"], CommandGrammar.Commands.Select(c => c.Verb));
        Assert.Equal("start [since] [until]", CommandGrammar.Start.Usage);
        Assert.Equal("resume <run>", CommandGrammar.Resume.Usage);
        Assert.Equal("graph <section> [format]", CommandGrammar.Graph.Usage);
        Assert.Equal("runs", CommandGrammar.Runs.Usage);
    }

    [Fact]
    public void Every_help_example_parses()
    {
        foreach (var example in CommandGrammar.Commands.SelectMany(c => c.Examples))
            Assert.NotNull(CommandGrammar.Parse(example, Now).Command);
    }

    [Fact]
    public void StartFromValues_checks_the_terminals_flags_as_start_is_checked()
    {
        var until = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(new StartCommand(until.AddHours(-24), until), CommandGrammar.StartFromValues(TimeSpan.FromHours(24), until, Now).Command);
        Assert.Equal(new StartCommand(Now.AddDays(-3), Now), CommandGrammar.StartFromValues(TimeSpan.FromDays(3), null, Now).Command);
        Assert.Equal(new StartCommand(null, until), CommandGrammar.StartFromValues(null, until, Now).Command);
        Assert.Equal(new StartCommand(null, Now.AddHours(1)), CommandGrammar.StartFromValues(null, Now.AddHours(1), Now).Command);
        Assert.Contains("90 days", CommandGrammar.StartFromValues(TimeSpan.FromDays(120), null, Now).Error, StringComparison.Ordinal);
    }
}
