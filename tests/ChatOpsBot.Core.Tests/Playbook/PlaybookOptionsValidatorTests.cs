using ChatOpsBot.Core.Playbook;

namespace ChatOpsBot.Core.Tests.Playbook;

public sealed class PlaybookOptionsValidatorTests
{
    private static readonly PlaybookOptionsValidator Validator = new();

    public static TheoryData<string, string> BadOptions() => new()
    {
        { "DefaultWindow=0", "Playbook:DefaultWindow" },
        { "DefaultWindow=91d", "Playbook:DefaultWindow" },
        { "MailLookbackDays=0", "Playbook:MailLookbackDays" },
        { "MailLookbackDays=91", "Playbook:MailLookbackDays" },
        { "HelpdeskTicketPattern=[", "Playbook:HelpdeskTicketPattern" },
        { "Priority=", "Playbook:Priority" },
        { "Approvals:Validation=0", "Playbook:Approvals:Validation" },
        { "Approvals:Containment=6", "Playbook:Approvals:Containment" },
        { "Approvals:Closure=0", "Playbook:Approvals:Closure" },
        { "Auto:HelpdeskTicketFormat={1}", "Playbook:Auto:HelpdeskTicketFormat" },
        { "Auto:HelpdeskTicketFormat=ticket {0}", "Playbook:Auto:HelpdeskTicketFormat" },
        { "Auto:PhishingColleague= ", "Playbook:Auto:PhishingColleague" },
        { "TriageThreshold=-1", "Playbook:TriageThreshold" },
    };

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(Validator.Validate(null, new PlaybookOptions()).Succeeded);
    }

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Validate_BadValue_FailsNamingTheKey(string change, string key)
    {
        var result = Validator.Validate(null, With(change));

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(key + " ", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FormatRejectedByPattern_NamesBothKeysAndTheSample()
    {
        var result = Validator.Validate(null, With("Auto:HelpdeskTicketFormat=ticket {0}"));

        var failure = Assert.Single(result.Failures!);
        Assert.Contains("'ticket 1'", failure, StringComparison.Ordinal);
        Assert.Contains("Playbook:HelpdeskTicketPattern rejects", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralBadValues_ReportsEach()
    {
        var options = With("MailLookbackDays=0");
        options.Priority = "";

        Assert.Equal(2, Validator.Validate(null, options).Failures!.Count());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(500)]
    public void Validate_TriageThresholdZeroOrMore_Succeeds(int threshold)
    {
        Assert.True(Validator.Validate(null, new PlaybookOptions { TriageThreshold = threshold }).Succeeded);
    }

    [Fact]
    public void Validate_TwoPersonRule_Succeeds()
    {
        Assert.True(Validator.Validate(null, With("Approvals:Containment=2")).Succeeded);
    }

    private static PlaybookOptions With(string change)
    {
        var options = new PlaybookOptions();
        var (key, value) = (change[..change.IndexOf('=')], change[(change.IndexOf('=') + 1)..]);
        switch (key)
        {
            case "DefaultWindow": options.DefaultWindow = value == "91d" ? TimeSpan.FromDays(91) : TimeSpan.Zero; break;
            case "MailLookbackDays": options.MailLookbackDays = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "HelpdeskTicketPattern": options.HelpdeskTicketPattern = value; break;
            case "Priority": options.Priority = value; break;
            case "Approvals:Validation": options.Approvals.Validation = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "Approvals:Containment": options.Approvals.Containment = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "Approvals:Closure": options.Approvals.Closure = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "Auto:HelpdeskTicketFormat": options.Auto.HelpdeskTicketFormat = value; break;
            case "Auto:PhishingColleague": options.Auto.PhishingColleague = value; break;
            case "TriageThreshold": options.TriageThreshold = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            default: throw new ArgumentException(change);
        }
        return options;
    }
}
