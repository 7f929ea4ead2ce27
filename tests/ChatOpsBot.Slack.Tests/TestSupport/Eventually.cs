namespace ChatOpsBot.Slack.Tests.TestSupport;

/// <summary>Waits for background work (the bot acknowledges first and works afterwards) without asserting on timing.</summary>
public static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T?>> probe, string what, int seconds = 30) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (await probe() is { } value) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Gave up waiting for {what}.");
            await Task.Delay(25);
        }
    }

    public static Task WaitAsync(Func<bool> condition, string what, int seconds = 30) =>
        WaitAsync<object>(() => Task.FromResult<object?>(condition() ? new object() : null), what, seconds);

    public static Task WaitAsync(Func<Task<bool>> condition, string what, int seconds = 30) =>
        WaitAsync<object>(async () => await condition() ? new object() : null, what, seconds);
}
