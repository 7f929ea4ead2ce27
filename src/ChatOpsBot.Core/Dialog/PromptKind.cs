namespace ChatOpsBot.Core.Dialog;

/// <summary>How a prompt is answered.</summary>
public enum PromptKind
{
    /// <summary>One button (or a yes/no pair): the analyst confirms something was done.</summary>
    Confirm,
    /// <summary>One of several buttons.</summary>
    Choice,
    /// <summary>Free text checked against a rule (e.g. a helpdesk ticket number).</summary>
    Text,
}
