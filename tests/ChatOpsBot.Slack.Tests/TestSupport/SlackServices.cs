using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Runs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Slack.Tests.TestSupport;

/// <summary>Only the Slack services (no engine), pointed at a <see cref="FakeSlack"/>, with in-memory state.</summary>
public static class SlackServices
{
    public static ServiceProvider Build(FakeSlack slack, Action<Dictionary<string, string?>>? configure = null) => Build(slack, null, configure);

    /// <summary>As <see cref="Build(FakeSlack, Action{Dictionary{string, string}})"/>, with <paramref name="state"/> as the channel state store.</summary>
    public static ServiceProvider Build(FakeSlack slack, IChannelStateStore? state, Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = BotHost.Secret,
            ["Slack:BotToken"] = "xoxb-test-token",
            ["Slack:Channel"] = BotHost.Channel,
            ["Slack:ApiBaseUrl"] = slack.ApiBase.ToString(),
            ["Slack:MessageInterval"] = "00:00:00",
        };
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        if (state is null) services.AddSingleton<IChannelStateStore, MemoryChannelState>();
        else services.AddSingleton(state);
        services.AddSingleton<IRunStore, NoRuns>();
        services.AddSlack(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>Channel state in memory.</summary>
    public sealed class MemoryChannelState : IChannelStateStore
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _values = new();

        public Task<string?> GetAsync(string channel, string key, CancellationToken cancellationToken) =>
            Task.FromResult(_values.TryGetValue($"{channel}/{key}", out var v) ? v : null);

        public Task SetAsync(string channel, string key, string value, CancellationToken cancellationToken)
        {
            _values[$"{channel}/{key}"] = value;
            return Task.CompletedTask;
        }

        public Task<bool> TryAddAsync(string channel, string key, string value, CancellationToken cancellationToken) =>
            Task.FromResult(_values.TryAdd($"{channel}/{key}", value));
    }

    private sealed class NoRuns : IRunStore
    {
        public Task CreateAsync(PlaybookRun run, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<PlaybookRun?> FindAsync(string runId, CancellationToken cancellationToken) => Task.FromResult<PlaybookRun?>(null);
        public Task SaveAsync(PlaybookRun run, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<RunSummary>> ListAsync(int take, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<RunSummary>>([]);
    }
}
