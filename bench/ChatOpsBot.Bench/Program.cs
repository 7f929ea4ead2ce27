using ChatOpsBot.Bench;

var root = Directory.GetCurrentDirectory();
while (!File.Exists(Path.Combine(root, "ChatOpsBot.sln")) && Directory.GetParent(root) is { } parent)
{
    root = parent.FullName;
}

try
{
    if (args is ["--profile", var file, "--c2", var list, ..])
    {
        return ParserProfile.Run(file, list, args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 256);
    }

    if (args is ["--feed-profile", var feedFile])
    {
        return FeedProfile.Run(feedFile);
    }

    var options = BenchOptions.Parse(args, root);
    return options.Targets ? new TargetsBench(options, root).Execute() : new ScannerBench(options).Execute();
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine("usage: --lines N --c2-count K --format tsv|json|eve|csv|all [--cidrs 100 --cidr-hits 300] [--repeat 3] [--generator path] [--data dir] [--files f1,f2 --c2 list] [--scale-lines 2000000] [--scaling 1] [--fixed 1] [--hunt-scan 0] [--host path/ChatOpsBot.dll] [--targets 1: the README table]; --profile file --c2 list [MB]");
    return 2;
}
