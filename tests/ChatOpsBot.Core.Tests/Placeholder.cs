namespace ChatOpsBot.Core.Tests;
