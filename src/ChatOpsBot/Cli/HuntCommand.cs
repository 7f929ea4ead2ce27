using System.CommandLine;
using System.Globalization;
using ChatOpsBot.Composition;
using ChatOpsBot.Core.Conversation;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Terminal;

namespace ChatOpsBot.Cli;

/// <summary><c>hunt</c>: runs the playbook in the terminal.</summary>
public static class HuntCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var feed = new Option<string?>("--feed") { Description = "C2 feed: file path or http(s) URL (Bambenek, Feodo CSV or plain list)." };
        var logs = new Option<string[]>("--logs") { Description = "Log file or directory for the local-log SIEM (repeatable).", Arity = ArgumentArity.ZeroOrMore };
        var intel = new Option<string?>("--intel") { Description = "Offline threat intel: an OTX pulse export (JSON)." };
        var mailboxes = new Option<string?>("--mailboxes") { Description = "Directory with one folder of .eml files per user." };
        var assets = new Option<string?>("--assets") { Description = "Asset inventory CSV (host,user,email)." };
        var since = new Option<string?>("--since") { Description = "SIEM window length, e.g. 24h (default), 3d, 90m." };
        var until = new Option<string?>("--until") { Description = "End of the SIEM window (ISO-8601; default now)." };
        var demo = new Option<bool>("--demo") { Description = "Use the bundled samples/ data and its window." };
        var auto = new Option<bool>("--auto") { Description = "Answer every prompt from the evidence (demos, smoke tests, unattended runs)." };
        var report = new Option<string?>("--report") { Description = "Print the run report at the end: json or md. Stdout then holds the report alone; the dialogue goes to stderr." };
        var quiet = new Option<bool>("--quiet") { Description = "No dialogue: only the outcome line, errors and (with --report) the report." };
        report.AcceptOnlyFromAmong("json", "md");
        var resume = new Option<string?>("--resume") { Description = "Resume a run by id." };
        var db = new Option<string?>("--db") { Description = "SQLite database file (default from Storage:ConnectionString)." };
        var noCache = new Option<bool>("--no-cache")
        {
            Description = "Ask OTX/VirusTotal afresh instead of reusing fresh verdicts from the cache (the answers still refresh it).",
        };
        var command = new Command("hunt", "Run the C2 hunt playbook in the terminal.")
        {
            feed, logs, intel, mailboxes, assets, since, until, demo, auto, report, quiet, resume, db, noCache,
        };
        command.SetAction(async (parse, ct) =>
        {
            var overrides = new Dictionary<string, string?>();
            DateTimeOffset? windowTo = null;
            TimeSpan? window = null;
            if (parse.GetValue(demo))
            {
                var samples = RepositoryPaths.Samples();
                if (samples is null) return Fail("--demo needs the samples/ folder of the repository (with demo.json); run from the repository.");
                var settings = DemoSettings.Load(samples);
                foreach (var (key, value) in DemoSettings.Configuration(samples)) overrides[key] = value;
                (windowTo, window) = (settings.WindowEnd, settings.Window);
            }
            if (parse.GetValue(feed) is { } f) overrides["Playbook:Feed"] = f;
            if (parse.GetValue(logs) is { Length: > 0 } l)
            {
                foreach (var key in overrides.Keys.Where(k => k.StartsWith("LocalLogs:Paths:", StringComparison.Ordinal)).ToList()) overrides.Remove(key);
                for (var i = 0; i < l.Length; i++) overrides[$"LocalLogs:Paths:{i.ToString(CultureInfo.InvariantCulture)}"] = l[i];
            }
            if (parse.GetValue(intel) is { } i2) overrides["Intel:OfflineFile"] = i2;
            if (parse.GetValue(mailboxes) is { } m) overrides["Mailboxes:Directory"] = m;
            if (parse.GetValue(assets) is { } a) overrides["Assets:File"] = a;
            if (parse.GetValue(db) is { } d) overrides["Storage:ConnectionString"] = $"Data Source={d}";
            // Checked here for a fast one-line error; checked again against the clock, with the chat's rules, once it runs.
            if (parse.GetValue(since) is { } s)
            {
                if (!TimeText.TryParseDuration(s, out var parsed, out var error)) return Fail($"--since: {error}");
                window = parsed;
            }
            if (parse.GetValue(until) is { } u)
            {
                if (!TimeText.TryParseInstant(u, out var parsed, out var error)) return Fail($"--until: {error}");
                windowTo = parsed;
            }
            var resumeId = parse.GetValue(resume);
            var autoAnswer = parse.GetValue(auto);
            var reportFormat = parse.GetValue(report);
            var bypassCache = parse.GetValue(noCache);
            // With a report, stdout carries the report alone (`hunt ... --report json | jq .state`).
            var console = parse.GetValue(report) is not null || parse.GetValue(quiet)
                ? TerminalConsole.ForReport(parse.GetValue(quiet))
                : TerminalConsole.Process();
            return await TerminalVerb.RunAsync(overrides, (services, token) =>
            {
                var session = services.GetRequiredService<TerminalSession>();
                var command = resumeId is not null
                    ? CommandParse.Of(new ResumeCommand(resumeId))
                    : CommandGrammar.StartFromValues(window, windowTo, services.GetRequiredService<TimeProvider>().GetUtcNow());
                if (command.Command is null)
                {
                    Console.Error.WriteLine(command.Error);
                    return Task.FromResult(TerminalVerb.BadConfiguration);
                }
                return session.RunAsync(new HuntRequest(null, command.Command, autoAnswer, reportFormat, bypassCache), token);
            }, ct, beforeStart: (services, token) =>
            {
                // A new run reads the feed first; reading it while the database starts saves that much of the start-up.
                if (resumeId is null) services.GetRequiredService<PlaybookEngine>().PrefetchFeed(new RunSettings(), token);
            }, huntInputs: true, console: console).ConfigureAwait(false);
        });
        return command;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return TerminalVerb.BadConfiguration;
    }
}
