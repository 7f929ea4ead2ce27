using System.ComponentModel.DataAnnotations;

namespace ChatOpsBot.Connectors.Feeds;

/// <summary>Settings for reading IOC feeds (configuration section <c>Feed</c>).</summary>
public sealed class FeedOptions
{
    public const string SectionName = "Feed";

    /// <summary>Time allowed for the whole load, download and parse together. Default 60 s.</summary>
    [Range(1, 600, ErrorMessage = "Feed:TimeoutSeconds must be between 1 and 600")]
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>User-Agent sent with downloads; some feed hosts refuse the empty default. Default "ChatOpsBot/1.0".</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Feed:UserAgent must not be empty")]
    public string UserAgent { get; set; } = "ChatOpsBot/1.0";
}
