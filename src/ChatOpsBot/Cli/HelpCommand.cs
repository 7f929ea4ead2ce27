using System.CommandLine;

namespace ChatOpsBot.Cli;

/// <summary><c>help [verb …]</c>: the same page as <c>--help</c>, for people who type the verb.</summary>
public static class HelpCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var verbs = new Argument<string[]>("verb") { Description = "The verb to explain, e.g. hunt or runs list.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("help", "Show help for the bot or one verb (same as --help).") { verbs };
        command.SetAction((parse, ct) => BotCommandLine.InvokeAsync([.. parse.GetValue(verbs) ?? [], "--help"], cancellationToken: ct));
        return command;
    }
}
