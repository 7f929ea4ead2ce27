using System.CommandLine;
using System.Text.Json;
using ChatOpsBot.Core.Conversation;
using ChatOpsBot.Core.Runs;
using ListRuns = ChatOpsBot.Core.Conversation.RunsCommand;
using ChatOpsBot.Terminal;

namespace ChatOpsBot.Cli;

/// <summary><c>runs list</c>, <c>runs show &lt;id&gt;</c>, <c>runs export</c> and <c>runs cancel &lt;id&gt;</c>: what ran, each run's timeline, stopping one.</summary>
public static class RunsCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var db = new Option<string?>("--db") { Description = "SQLite database file (default from Storage:ConnectionString)." };
        var take = new Option<int>("--take") { Description = "How many runs to list.", DefaultValueFactory = _ => 20 };
        var list = new Command("list", "List recent runs.") { take, db };
        list.SetAction((parse, ct) => TerminalVerb.RunAsync(Overrides(parse.GetValue(db)), async (services, token) =>
        {
            // The chat's runs command with the terminal's --take: the same listing, rendered as a table.
            var context = new CommandContext("terminal", null, Environment.UserName, null);
            var result = await services.GetRequiredService<ConversationHandler>().ExecuteAsync(new ListRuns(parse.GetValue(take)), context, token).ConfigureAwait(false);
            var runs = ((RunListResult)result).Runs;
            Console.WriteLine($"{"run",-28} {"state",-15} {"section",-18} {"started (UTC)",-20} updated (UTC)");
            foreach (var r in runs)
                Console.WriteLine($"{r.Id,-28} {r.State,-15} {r.Section,-18} {r.CreatedAt:yyyy-MM-dd HH:mm:ss}  {r.UpdatedAt:yyyy-MM-dd HH:mm:ss}");
            if (runs.Count == 0) Console.WriteLine("No runs yet. Start one with: hunt --demo");
            return 0;
        }, ct));

        var id = new Argument<string>("id") { Description = "Run id." };
        var json = new Option<bool>("--json") { Description = "Print the whole run as JSON." };
        var show = new Command("show", "Show a run's timeline: who answered what, when.") { id, json, db };
        show.SetAction((parse, ct) => TerminalVerb.RunAsync(Overrides(parse.GetValue(db)), async (services, token) =>
        {
            var run = await services.GetRequiredService<IRunStore>().FindAsync(parse.GetValue(id)!, token).ConfigureAwait(false);
            if (run is null)
            {
                Console.Error.WriteLine($"There is no run {TerminalText.Safe(parse.GetValue(id))}.");
                return 1;
            }
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(run, new JsonSerializerOptions(RunJson.Options) { WriteIndented = true }));
                return 0;
            }
            Console.WriteLine($"Run {run.Id}: {run.State}; ticket {run.Ticket?.Id ?? "none"}; open prompt: {TerminalText.Safe(run.Prompt?.Title ?? "none")}");
            foreach (var line in RunCoverageLines.For(run)) Console.WriteLine(TerminalText.Safe(line));
            foreach (var e in run.Timeline)
            {
                var who = e.Actor == "bot" ? "bot" : $"{e.ActorName}{(e.Automatic ? " (auto)" : "")}";
                var prompt = e.Prompt is null ? "" : $" [{e.Prompt}]";
                Console.WriteLine($"{e.At:yyyy-MM-dd HH:mm:ss} {e.Section,-17} {e.Kind,-13} {TerminalText.Safe(who)}{TerminalText.Safe(prompt)} {TerminalText.Safe(e.Value)}");
            }
            return 0;
        }, ct));
        var exportId = new Argument<string>("id") { Description = "Run id." };
        var exportDir = new Argument<string?>("dir") { Description = "Folder to write to (default: the run's files folder next to the database).", Arity = ArgumentArity.ZeroOrOne };
        var export = new Command("export", "Write a run's report, ticket and attachments (pivot CSV, exported mails) to a folder.") { exportId, exportDir, db };
        export.SetAction((parse, ct) => TerminalVerb.RunAsync(Overrides(parse.GetValue(db)), async (services, token) =>
        {
            var run = await services.GetRequiredService<IRunStore>().FindAsync(parse.GetValue(exportId)!, token).ConfigureAwait(false);
            if (run is null)
            {
                Console.Error.WriteLine($"There is no run {TerminalText.Safe(parse.GetValue(exportId))}; `runs list` shows the runs.");
                return TerminalVerb.BadConfiguration;
            }
            var directory = parse.GetValue(exportDir) is { Length: > 0 } d ? Path.GetFullPath(d) : services.GetRequiredService<RunArtifacts>().DirectoryFor(run.Id);
            var files = await services.GetRequiredService<RunExporter>().ExportAsync(run, directory, token).ConfigureAwait(false);
            foreach (var file in files) Console.WriteLine(file);
            return 0;
        }, ct));
        var cancelId = new Argument<string>("id") { Description = "Run id." };
        var cancel = new Command("cancel", "Stop a run that is not finished; it stays on record as Abandoned (the chat's cancel command).") { cancelId, db };
        cancel.SetAction((parse, ct) => TerminalVerb.RunAsync(Overrides(parse.GetValue(db)), async (services, token) =>
        {
            // The chat's cancel command: the same checks and the same record (who cancelled, the open question closed).
            var context = new CommandContext("terminal", null, Environment.UserName, null);
            var result = await services.GetRequiredService<ConversationHandler>()
                .ExecuteAsync(new CancelCommand(parse.GetValue(cancelId)!), context, token).ConfigureAwait(false);
            if (result is CommandRefusedResult refused)
            {
                Console.Error.WriteLine(TerminalText.Safe(refused.Message));
                return TerminalVerb.BadConfiguration;
            }
            Console.WriteLine($"Run {TerminalText.Safe(((RunCancelledResult)result).RunId)} cancelled; it is on record as Abandoned.");
            return 0;
        }, ct));
        return new Command("runs", "List runs, show their timelines, export their files, cancel one.") { list, show, export, cancel };
    }

    private static Dictionary<string, string?> Overrides(string? db) =>
        db is null ? [] : new Dictionary<string, string?> { ["Storage:ConnectionString"] = $"Data Source={db}" };
}
