namespace ChatOpsBot.Core.Tests.Fakes;

/// <summary>Stands for the process dying at this point.</summary>
public sealed class SimulatedCrashException(string message) : Exception(message);
