using System.Text.RegularExpressions;

namespace ChatOpsBot.Teams.Activities;

/// <summary>The text of a message addressed to the bot, with the bot's @mention removed.</summary>
public static partial class MentionText
{
    /// <summary>True when <paramref name="activity"/> mentions its recipient (the bot).</summary>
    public static bool MentionsBot(Activity activity) =>
        activity.Entities?.Any(e => IsBotMention(e, activity)) == true;

    /// <summary>The text with every mention of the bot (and any leftover &lt;at&gt; tags) removed, whitespace collapsed.</summary>
    public static string Strip(Activity activity)
    {
        var text = activity.Text ?? "";
        foreach (var mention in activity.Entities?.Where(e => IsBotMention(e, activity)) ?? [])
            if (!string.IsNullOrEmpty(mention.Text)) text = text.Replace(mention.Text, " ", StringComparison.Ordinal);
        text = AtTag().Replace(text, " ");
        return Spaces().Replace(System.Net.WebUtility.HtmlDecode(text), " ").Trim();
    }

    private static bool IsBotMention(Entity entity, Activity activity) =>
        string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)
        && entity.Mentioned?.Id is { } id && id == activity.Recipient?.Id;

    [GeneratedRegex("<at>[^<]*</at>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
