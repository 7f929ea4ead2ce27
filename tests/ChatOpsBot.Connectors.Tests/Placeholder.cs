namespace ChatOpsBot.Connectors.Tests;
