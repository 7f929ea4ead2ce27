namespace ChatOpsBot.Core.Dialog;

/// <summary>Visual hint for an option; channels map it to their own button styles.</summary>
public enum OptionStyle
{
    /// <summary>Neutral.</summary>
    Default,
    /// <summary>The expected or constructive answer.</summary>
    Primary,
    /// <summary>An answer with serious consequences.</summary>
    Danger,
}
