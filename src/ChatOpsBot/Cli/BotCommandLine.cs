using System.CommandLine;
using ChatOpsBot.Web;

namespace ChatOpsBot.Cli;

/// <summary>The command line: terminal verbs, and the web service when no verb (or <c>serve</c>) is given.</summary>
public static class BotCommandLine
{
    /// <summary>The root command.</summary>
    public static RootCommand Build()
    {
        var serve = new Command("serve", "Run the web service (Slack, Teams, health). ASPNETCORE_URLS sets the address.");
        serve.SetAction((_, ct) => WebHost.RunAsync([], ct));
        var root = new RootCommand("ChatOpsBot: the C2 malware detection hunt, in Slack, Teams or the terminal.")
        {
            HuntCommand.Create(), RunsCommand.Create(), GraphCommand.Create(), CheckCommand.Create(), serve,
        };
        root.SetAction((_, ct) => WebHost.RunAsync([], ct));
        return root;
    }
}
