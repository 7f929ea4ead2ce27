namespace ChatOpsBot.Composition.Logging;

/// <summary>Stands in for a logged exception so formatters print its text with secrets masked.</summary>
public sealed class MaskedException : Exception
{
    private readonly string _text;

    /// <summary>Wraps <paramref name="original"/>; its full text (type, message, stack, inner exceptions) is masked once.</summary>
    public MaskedException(Exception original)
        : base(SecretMasking.MaskText(original?.Message ?? ""))
    {
        ArgumentNullException.ThrowIfNull(original);
        _text = SecretMasking.MaskText(original.ToString());
        OriginalType = original.GetType().FullName ?? original.GetType().Name;
    }

    /// <summary>The type of the exception that was logged.</summary>
    public string OriginalType { get; }

    /// <inheritdoc />
    public override string ToString() => _text;
}
