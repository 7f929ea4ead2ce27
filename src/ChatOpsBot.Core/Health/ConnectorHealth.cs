namespace ChatOpsBot.Core.Health;

/// <summary>The outcome of one <see cref="IConnectorCheck"/>.</summary>
/// <param name="Healthy">True when the system answered and accepted the credentials.</param>
/// <param name="Message">What was found, for the operator; never contains a secret.</param>
public sealed record ConnectorHealth(bool Healthy, string Message)
{
    /// <summary>A passing check.</summary>
    public static ConnectorHealth Pass(string message) => new(true, message);

    /// <summary>A failing check.</summary>
    public static ConnectorHealth Fail(string message) => new(false, message);
}
