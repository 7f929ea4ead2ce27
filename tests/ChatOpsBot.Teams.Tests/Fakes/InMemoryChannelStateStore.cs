using System.Collections.Concurrent;
using ChatOpsBot.Core.Dialog;

namespace ChatOpsBot.Teams.Tests.Fakes;

internal sealed class InMemoryChannelStateStore : IChannelStateStore
{
    private readonly ConcurrentDictionary<(string, string), string> _values = new();

    public Task<string?> GetAsync(string channel, string key, CancellationToken cancellationToken) =>
        Task.FromResult(_values.TryGetValue((channel, key), out var v) ? v : null);

    public Task SetAsync(string channel, string key, string value, CancellationToken cancellationToken)
    {
        _values[(channel, key)] = value;
        return Task.CompletedTask;
    }

    public Task<bool> TryAddAsync(string channel, string key, string value, CancellationToken cancellationToken) =>
        Task.FromResult(_values.TryAdd((channel, key), value));
}
