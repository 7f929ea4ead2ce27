namespace ChatOpsBot.Storage.Tests;
