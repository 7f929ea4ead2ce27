namespace ChatOpsBot.Tests;
