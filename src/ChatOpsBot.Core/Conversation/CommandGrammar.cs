using System.Globalization;
using ChatOpsBot.Core.Playbook;

namespace ChatOpsBot.Core.Conversation;

/// <summary>
/// The command language of every chat channel: <c>start [since] [until]</c>, <c>status [run]</c>, <c>runs</c>,
/// <c>resume &lt;run&gt;</c>, <c>cancel &lt;run&gt;</c>, <c>graph &lt;section&gt; [format]</c>, <c>help</c>. Slack's
/// <c>/c2hunt …</c> and a Teams message are parsed here, so the same words mean the same thing everywhere; the help
/// every channel shows is <see cref="Commands"/>.
/// </summary>
public static class CommandGrammar
{
    private const int MaxEcho = 60;
    private const int MaxRunId = 100;

    /// <summary><c>start [since] [until]</c>.</summary>
    public static readonly CommandSyntax Start = new("start", [new("since", true), new("until", true)],
        "Start the Command and Control hunt. since: a duration back from until (24h, 3d, 90m) or a time; until: a time (default now). No window: the configured default (24 h).",
        ["start 24h", "start 3d 2026-11-28T00:00Z", "start 2026-11-27 2026-11-28"]);

    /// <summary><c>status [run]</c>.</summary>
    public static readonly CommandSyntax Status = new("status", [new("run", true)], "Where a run stands (default: the latest).", ["status"]);

    /// <summary><c>runs</c>.</summary>
    public static readonly CommandSyntax Runs = new("runs", [], "The latest runs.", ["runs"]);

    /// <summary><c>resume &lt;run&gt;</c>.</summary>
    public static readonly CommandSyntax Resume = new("resume", [new("run", false)],
        "Show a run's open question again and carry on (any run, whichever channel started it).", []);

    /// <summary><c>cancel &lt;run&gt;</c>.</summary>
    public static readonly CommandSyntax Cancel = new("cancel", [new("run", false)],
        "Stop a run that is not finished; it stays on record as Abandoned.", []);

    /// <summary><c>graph &lt;section&gt; [format]</c>.</summary>
    public static readonly CommandSyntax Graph = new("graph", [new("section", false), new("format", true)],
        $"A section's state machine as mermaid (default) or dot. Sections: {string.Join(", ", Enum.GetNames<PlaybookSection>())}.",
        ["graph validation"]);

    /// <summary><c>help</c>.</summary>
    public static readonly CommandSyntax Help = new("help", [], "This list.", []);

    /// <summary>Every command, in the order help lists them.</summary>
    public static IReadOnlyList<CommandSyntax> Commands { get; } = [Start, Status, Runs, Resume, Cancel, Graph, Help];

    /// <summary>
    /// Parses one line. Words are split on any white space and matched without regard to case; a leading
    /// <c>c2hunt</c> (as typed in Teams) is ignored. Relative windows are resolved against <paramref name="now"/>.
    /// </summary>
    /// <param name="text">What was typed after the bot's name or slash command.</param>
    /// <param name="now">The current time, from the caller's <see cref="TimeProvider"/>.</param>
    public static CommandParse Parse(string? text, DateTimeOffset now)
    {
        var words = (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 0 && words[0].TrimStart('/').Equals("c2hunt", StringComparison.OrdinalIgnoreCase)) words.RemoveAt(0);
        if (words.Count == 0) return CommandParse.Of(new HelpCommand());
        var verb = words[0].ToLowerInvariant();
        var args = words.Skip(1).ToList();
        return verb switch
        {
            "start" => ParseStart(args, now),
            "status" => args.Count switch
            {
                0 => CommandParse.Of(new StatusCommand(null)),
                1 => RunId(args[0], Status, id => new StatusCommand(id)),
                _ => TooMany(Status),
            },
            "runs" => args.Count == 0 ? CommandParse.Of(new RunsCommand()) : TooMany(Runs),
            "resume" => args.Count switch
            {
                0 => CommandParse.Refused("Which run? Give its id; runs lists them.", Resume),
                1 => RunId(args[0], Resume, id => new ResumeCommand(id)),
                _ => TooMany(Resume),
            },
            "cancel" => args.Count switch
            {
                0 => CommandParse.Refused("Which run? Give its id; runs lists them.", Cancel),
                1 => RunId(args[0], Cancel, id => new CancelCommand(id)),
                _ => TooMany(Cancel),
            },
            "graph" => ParseGraph(args),
            "help" => CommandParse.Of(new HelpCommand()),
            _ => CommandParse.Refused($"I don't know '{Echo(words[0])}'.", null),
        };
    }

    /// <summary>
    /// <c>start</c> from values already parsed with <see cref="TimeText"/> (the terminal's <c>--since</c> and
    /// <c>--until</c>), checked as the typed command is: the window at most <see cref="TimeText.MaxDuration"/>. An
    /// <paramref name="until"/> in the future is allowed: the hunt's coverage check closes such a run inconclusive
    /// ("no records in the window") rather than calling it clean. Without <paramref name="since"/> the window is the configured default ending at
    /// <paramref name="until"/> (or now).
    /// </summary>
    /// <param name="since">The window's length, or null for the default.</param>
    /// <param name="until">The window's end, or null for now.</param>
    /// <param name="now">The current time, from the caller's <see cref="TimeProvider"/>.</param>
    public static CommandParse StartFromValues(TimeSpan? since, DateTimeOffset? until, DateTimeOffset now) => Window(null, since, until, now);

    private static CommandParse ParseStart(List<string> args, DateTimeOffset now)
    {
        if (args.Count == 0) return CommandParse.Of(new StartCommand(null, null));
        if (args.Count > 2) return TooMany(Start);
        DateTimeOffset? until = null;
        if (args.Count == 2)
        {
            if (!TimeText.TryParseInstant(args[1], out var to, out var error)) return CommandParse.Refused($"until: {Echoed(error, args[1])}", Start);
            until = to;
        }
        if (TimeText.LooksLikeInstant(args[0]))
        {
            if (!TimeText.TryParseInstant(args[0], out var from, out var error)) return CommandParse.Refused($"since: {Echoed(error, args[0])}", Start);
            return Window(from, null, until, now);
        }
        if (!TimeText.TryParseDuration(args[0], out var window, out var durationError)) return CommandParse.Refused($"since: {Echoed(durationError, args[0])}", Start);
        return Window(null, window, until, now);
    }

    // since is a time (from) or a length back from the end (window); the end is until, or now.
    private static CommandParse Window(DateTimeOffset? from, TimeSpan? window, DateTimeOffset? until, DateTimeOffset now)
    {
        if (window > TimeText.MaxDuration)
            return CommandParse.Refused($"since: {window.Value.TotalDays:0.#} days is longer than the {TimeText.MaxDuration.TotalDays:0} days a hunt may cover.", Start);
        if (window <= TimeSpan.Zero) return CommandParse.Refused("since: the window must be a positive duration.", Start);
        var end = until ?? now;
        var start = from ?? end - window;
        if (start is null) return CommandParse.Of(new StartCommand(null, until));
        if (start >= end)
            return CommandParse.Refused($"The window must start before it ends: until ({Format(end)}) is not after since ({Format(start.Value)}).", Start);
        if (end - start > TimeText.MaxDuration)
            return CommandParse.Refused($"The window {Format(start.Value)} → {Format(end)} is longer than the {TimeText.MaxDuration.TotalDays:0} days a hunt may cover.", Start);
        return CommandParse.Of(new StartCommand(start, end));
    }

    private static CommandParse ParseGraph(List<string> args)
    {
        if (args.Count == 0) return CommandParse.Refused("Which section?", Graph);
        if (args.Count > 2) return TooMany(Graph);
        // Names only ("1" would parse as an enum value), with or without dashes: initial-compromise works too.
        var name = args[0].Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        var section = Enum.GetValues<PlaybookSection>().Where(s => s.ToString().Equals(name, StringComparison.OrdinalIgnoreCase)).Cast<PlaybookSection?>().FirstOrDefault();
        if (section is null) return CommandParse.Refused($"'{Echo(args[0])}' is not a section.", Graph);
        var format = args.Count == 2 ? args[1].ToLowerInvariant() : GraphCommand.Mermaid;
        if (format is not (GraphCommand.Mermaid or GraphCommand.Dot)) return CommandParse.Refused($"'{Echo(args[1])}' is not a format; use mermaid or dot.", Graph);
        return CommandParse.Of(new GraphCommand(section.Value, format));
    }

    private static CommandParse RunId(string word, CommandSyntax syntax, Func<string, ConversationCommand> command) =>
        word.Length > MaxRunId || word.Any(char.IsControl)
            ? CommandParse.Refused($"'{Echo(word)}' is not a run id; runs lists them.", syntax)
            : CommandParse.Of(command(word));

    private static CommandParse TooMany(CommandSyntax syntax) => CommandParse.Refused($"Too many words for {syntax.Verb}.", syntax);

    // The parsers quote the whole word; long words are cut so a pasted log line does not become the reply.
    private static string Echoed(string? error, string word) => (error ?? "").Replace($"'{word}'", $"'{Echo(word)}'", StringComparison.Ordinal);

    private static string Echo(string word) => word.Length <= MaxEcho ? word : word[..(MaxEcho - 1)] + "…";

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
