using System.Text.RegularExpressions;

namespace ChatOpsBot.Core.Dialog;

/// <summary>What a text answer must look like.</summary>
/// <param name="Label">Input label.</param>
/// <param name="Pattern">Regular expression the whole trimmed answer must match; null accepts any non-empty text.</param>
/// <param name="ErrorMessage">Why a non-matching answer is refused, in the analyst's words.</param>
/// <param name="Placeholder">Example value.</param>
/// <param name="MaxLength">Longest accepted answer.</param>
public sealed record TextInputRule(string Label, string? Pattern, string ErrorMessage, string? Placeholder = null, int MaxLength = 500)
{
    /// <summary>Null when <paramref name="text"/> is acceptable, otherwise the reason it is not.</summary>
    public string? Check(string? text)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0) return "An answer is required.";
        if (value.Length > MaxLength) return $"The answer is longer than {MaxLength} characters.";
        if (Pattern is not null && !Regex.IsMatch(value, Pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200)))
            return ErrorMessage;
        return null;
    }
}
