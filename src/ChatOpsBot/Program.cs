using System.CommandLine;
using ChatOpsBot.Cli;

// Entry point: everything is composed in BotCommandLine (terminal verbs) and WebHost (the service).
TerminalRuntimeSwitches.ApplyFor(args);
// SIGINT/SIGTERM are handled per verb (TerminalSignals for terminal verbs, the web host's lifetime for serve).
return await BotCommandLine.Build().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }).ConfigureAwait(false);
