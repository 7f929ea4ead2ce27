namespace ChatOpsBot.Core.Runs;

/// <summary>The outcome of <see cref="IRunLeases.TryAcquireAsync"/>.</summary>
/// <param name="Acquired">True when the caller now holds the run.</param>
/// <param name="Holder">Who holds it: the caller, or the process answering it elsewhere.</param>
/// <param name="Since">When the holder last renewed the lease.</param>
public sealed record RunLease(bool Acquired, string Holder, DateTimeOffset Since);
