namespace ChatOpsBot.Connectors;
