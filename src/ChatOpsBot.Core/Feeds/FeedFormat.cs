namespace ChatOpsBot.Core.Feeds;

/// <summary>The feed layouts the bot understands.</summary>
public enum FeedFormat
{
    /// <summary>One address or CIDR per line.</summary>
    Plain,
    /// <summary>Bambenek <c>c2-ipmasterlist</c>: the IP is the first comma-separated field; descriptions may contain commas.</summary>
    Bambenek,
    /// <summary>abuse.ch Feodo Tracker CSV, read by header name (<c>dst_ip</c>, or <c>DstIP</c> in the older layout).</summary>
    FeodoCsv,
    /// <summary>abuse.ch Feodo Tracker JSON blocklist (<c>ipblocklist.json</c>): an array of objects read by <c>ip_address</c>.</summary>
    FeodoJson,
}
