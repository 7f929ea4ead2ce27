using ChatOpsBot.Teams.Channel;
using ChatOpsBot.Teams.Tests.Fakes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Teams.Tests.Channel;

public sealed class FileLinksNoticeTests
{
    [Theory]
    [InlineData("", 1)]
    [InlineData("https://bot.example.com", 0)]
    public async Task StartUp_WarnsOnce_OnlyWhenPublicBaseUrlIsMissing(string publicBaseUrl, int warnings)
    {
        var logger = new Warnings();
        var links = new FileLinks(Options.Create(new TeamsOptions { AppId = "a", AppPassword = "p", PublicBaseUrl = publicBaseUrl }),
            new InMemoryChannelStateStore(), TimeProvider.System);

        await new FileLinksNotice(links, logger).StartAsync(CancellationToken.None);

        Assert.Equal(warnings, logger.Messages.Count);
        Assert.All(logger.Messages, m => Assert.Contains("Teams:PublicBaseUrl", m, StringComparison.Ordinal));
    }

    private sealed class Warnings : ILogger<FileLinksNotice>
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning) Messages.Add(formatter(state, exception));
        }
    }
}
