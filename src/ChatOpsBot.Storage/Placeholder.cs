namespace ChatOpsBot.Storage;
