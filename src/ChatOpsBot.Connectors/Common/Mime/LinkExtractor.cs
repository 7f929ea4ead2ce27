using System.Text.RegularExpressions;
using MimeKit.Text;

namespace ChatOpsBot.Connectors.Common.Mime;

/// <summary>Finds http(s) links in plain-text and HTML bodies: href and src attributes and URLs written out in text.</summary>
internal static partial class LinkExtractor
{
    public static IReadOnlyList<string> Extract(string? textBody, string? htmlBody)
    {
        var links = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        void Add(string candidate)
        {
            // Sentence punctuation right after a URL is not part of it.
            var link = candidate.Trim().TrimEnd('.', ',', ';', ':', '!', '?', '\'', '"');
            if (Uri.TryCreate(link, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                && seen.Add(link))
            {
                links.Add(link);
            }
        }

        if (!string.IsNullOrEmpty(textBody))
        {
            foreach (Match match in UrlInText().Matches(textBody))
            {
                Add(match.Value);
            }
        }

        if (!string.IsNullOrEmpty(htmlBody))
        {
            // MimeKit's tokenizer decodes entities (&amp;) in attributes and text, which a regex over raw HTML would not.
            var tokenizer = new HtmlTokenizer(new StringReader(htmlBody));
            while (tokenizer.ReadNextToken(out var token))
            {
                if (token is HtmlTagToken tag)
                {
                    foreach (var attribute in tag.Attributes)
                    {
                        // src too: images and scripts fetched from the sender's host (tracking pixels, kit assets) are its links as well.
                        if (attribute.Id is HtmlAttributeId.Href or HtmlAttributeId.Src && attribute.Value is not null)
                        {
                            Add(attribute.Value);
                        }
                    }
                }
                else if (token is HtmlDataToken data)
                {
                    foreach (Match match in UrlInText().Matches(data.Data))
                    {
                        Add(match.Value);
                    }
                }
            }
        }

        return links;
    }

    [GeneratedRegex(@"https?://[^\s<>""'()\[\]{}]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlInText();
}
