using ChatOpsBot.Cli;

// Entry point: everything is composed in BotCommandLine (terminal verbs) and WebHost (the service).
TerminalRuntimeSwitches.ApplyFor(args);
return await BotCommandLine.InvokeAsync(args).ConfigureAwait(false);
