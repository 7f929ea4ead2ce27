namespace ChatOpsBot.Composition.Logging;

/// <summary>How log events are written (<c>Logging:Format</c>).</summary>
public enum LogFormat
{
    /// <summary>Human-readable lines (default; for the terminal).</summary>
    Text,
    /// <summary>One compact JSON object per line (CLEF), for the service and containers.</summary>
    Json,
}
