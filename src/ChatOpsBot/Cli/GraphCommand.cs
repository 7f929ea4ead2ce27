using System.CommandLine;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Core.Playbook.Engine;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOpsBot.Cli;

/// <summary><c>graph &lt;section&gt; --format mermaid|dot</c>: prints a section's state machine, generated from its configuration.</summary>
public static class GraphCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var names = string.Join(", ", Enum.GetNames<PlaybookSection>());
        var section = new Argument<PlaybookSection>("section")
        {
            Description = $"{names}.",
            // The default message names the CLR type; the user needs the valid names.
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (Enum.TryParse<PlaybookSection>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(text, out _))
                    return parsed;
                result.AddError($"There is no section '{text}'; the sections are {names}.");
                return default;
            },
        };
        var format = new Option<string>("--format") { Description = "mermaid or dot.", DefaultValueFactory = _ => "mermaid" };
        format.AcceptOnlyFromAmong("mermaid", "dot");
        var command = new Command("graph", "Print a section's state machine as Mermaid or DOT.") { section, format };
        command.SetAction(parse =>
        {
            // The graph needs only the machine configuration: no database, no connectors.
            var services = new ServiceCollection().AddLogging().AddSingleton(NullLoggerFactory.Instance).AddPlaybook().BuildServiceProvider();
            var sections = services.GetServices<IPlaybookSection>().ToDictionary(s => s.Id);
            Console.WriteLine(PlaybookGraphs.Render(sections[parse.GetValue(section)], parse.GetValue(format)!));
            return 0;
        });
        return command;
    }
}
