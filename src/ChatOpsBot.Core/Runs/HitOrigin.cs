namespace ChatOpsBot.Core.Runs;

/// <summary>Which query found a hit; pivot hits are never pivoted again.</summary>
public enum HitOrigin
{
    /// <summary>The daily hunt over the feed.</summary>
    Hunt,
    /// <summary>A pivot over pulse indicators.</summary>
    Pivot,
}
