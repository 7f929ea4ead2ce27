namespace ChatOpsBot.Slack.BlockKit;

/// <summary>Splits long mrkdwn into pieces that each fit a section (3000 characters), at line breaks where possible.</summary>
public static class MrkdwnSplitter
{
    public static IReadOnlyList<string> Split(string mrkdwn, int max = BlockLimits.MaxSectionText)
    {
        var pieces = new List<string>();
        var rest = mrkdwn;
        while (rest.Length > max)
        {
            var cut = rest.LastIndexOf('\n', max - 1);
            if (cut <= 0) cut = SafeCut(rest, max);
            pieces.Add(rest[..cut].TrimEnd('\n'));
            rest = rest[cut..].TrimStart('\n');
        }
        if (rest.Length > 0 || pieces.Count == 0) pieces.Add(rest);
        return pieces;
    }

    // Never split an escaped entity (&amp;) or a surrogate pair.
    private static int SafeCut(string text, int max)
    {
        var cut = max;
        var amp = text.LastIndexOf('&', cut - 1, Math.Min(cut, 6));
        if (amp > 0 && text.IndexOf(';', amp) >= cut) cut = amp;
        if (char.IsHighSurrogate(text[cut - 1])) cut--;
        return cut;
    }
}
