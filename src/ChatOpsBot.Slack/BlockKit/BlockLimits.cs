namespace ChatOpsBot.Slack.BlockKit;

/// <summary>Block Kit limits we render within (Slack rejects a message that breaks any of them).</summary>
public static class BlockLimits
{
    public const int MaxBlocks = 50;
    public const int MaxSectionText = 3000;
    public const int MaxHeaderText = 150;
    public const int MaxFields = 10;
    public const int MaxFieldText = 2000;
    public const int MaxButtonText = 75;
    public const int MaxButtonValue = 2000;
    public const int MaxContextText = 3000;
    public const int MaxModalTitle = 24;
    public const int MaxFallbackText = 3000;
}
