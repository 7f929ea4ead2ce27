using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Terminal;

namespace ChatOpsBot.Tests.Terminal;

public sealed class TerminalAnswerParserTests
{
    private static Prompt Choice() => new()
    {
        Id = "r-1/p3", RunId = "r-1", Section = PlaybookSection.Validation, Kind = PromptKind.Choice, Title = "Is 1.2.3.4 tied to malware?",
        Options = [new PromptOption("ConfirmMalware", "Tied to malware"), new PromptOption("DismissAsBenign", "Not malicious")],
        OpenedAt = DateTimeOffset.UnixEpoch,
    };

    [Theory]
    [InlineData("2", "DismissAsBenign")]
    [InlineData(" 1 ", "ConfirmMalware")]
    [InlineData("dismissasbenign", "DismissAsBenign")]
    [InlineData("Not malicious", "DismissAsBenign")]
    public void Parse_number_value_or_label_picks_the_option(string line, string expected)
    {
        var answer = TerminalAnswerParser.Parse(Choice(), line, "ana", out var error);

        Assert.Null(error);
        Assert.Equal(expected, answer!.Option);
        Assert.Equal("r-1/p3", answer.PromptId);
        Assert.Equal("terminal:ana", answer.Actor.Id);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("0")]
    [InlineData("y")]
    [InlineData("maybe")]
    public void Parse_anything_else_on_a_choice_is_refused(string line)
    {
        Assert.Null(TerminalAnswerParser.Parse(Choice(), line, "ana", out var error));
        Assert.Equal("Answer with a number from 1 to 2.", error);
    }

    [Fact]
    public void Parse_y_confirms_a_single_option_prompt()
    {
        var prompt = Choice() with { Kind = PromptKind.Confirm, Options = [new PromptOption("ConfirmClose", "Close")] };

        Assert.Equal("ConfirmClose", TerminalAnswerParser.Parse(prompt, "y", "ana", out _)!.Option);
    }

    [Fact]
    public void Parse_at_name_answers_as_that_person()
    {
        var answer = TerminalAnswerParser.Parse(Choice(), "@bob 1", "ana", out _);

        Assert.Equal("terminal:bob", answer!.Actor.Id);
        Assert.Equal("bob", answer.Actor.DisplayName);
        Assert.Equal("ConfirmMalware", answer.Option);
    }

    [Fact]
    public void Parse_on_a_text_prompt_takes_the_line_as_the_text()
    {
        var prompt = Choice() with { Kind = PromptKind.Text, Options = [new PromptOption("SubmitHelpdeskTicket", "Record")] };

        var answer = TerminalAnswerParser.Parse(prompt, "@carol HD-4711", "ana", out _);

        Assert.Equal("HD-4711", answer!.Text);
        Assert.Equal("SubmitHelpdeskTicket", answer.Option);
        Assert.Equal("carol", answer.Actor.DisplayName);
    }
}
