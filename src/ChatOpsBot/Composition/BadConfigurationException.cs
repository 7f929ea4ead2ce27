namespace ChatOpsBot.Composition;

/// <summary>
/// A configuration value the composition itself cannot use (e.g. an unknown provider name); the message names
/// the key. Reported as one line at start, like option validation failures.
/// </summary>
public sealed class BadConfigurationException(string message) : InvalidOperationException(message);
