namespace ChatOpsBot.Core.Dialog;

/// <summary>
/// Port: small durable key/value state a chat channel keeps beside the runs — which message shows which
/// prompt (to update it), event ids already handled (to deduplicate retries), conversation references
/// (for proactive posts). Shared by every replica through the database.
/// </summary>
public interface IChannelStateStore
{
    /// <summary>The value stored under (<paramref name="channel"/>, <paramref name="key"/>), or null.</summary>
    Task<string?> GetAsync(string channel, string key, CancellationToken cancellationToken);

    /// <summary>Stores or replaces a value.</summary>
    Task SetAsync(string channel, string key, string value, CancellationToken cancellationToken);

    /// <summary>Stores a value only if the key is new; false when it already existed (atomic across replicas).</summary>
    Task<bool> TryAddAsync(string channel, string key, string value, CancellationToken cancellationToken);
}
