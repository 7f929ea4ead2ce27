namespace ChatOpsBot.Slack.BlockKit;

/// <summary>What a button or modal carries back: the run, the prompt and the chosen option (<c>run|prompt|option</c>).</summary>
public sealed record ActionValue(string RunId, string PromptId, string Option)
{
    public const string AnswerActionPrefix = "c2hunt_answer:";
    public const string OpenModalActionPrefix = "c2hunt_text:";
    public const string ModalCallbackId = "c2hunt_text_answer";
    public const string ModalInputBlock = "answer";
    public const string ModalInputAction = "text";

    public override string ToString() => $"{RunId}|{PromptId}|{Option}";

    public static ActionValue? Parse(string? value)
    {
        var parts = value?.Split('|');
        return parts is { Length: 3 } && parts.All(p => p.Length > 0) ? new ActionValue(parts[0], parts[1], parts[2]) : null;
    }
}
