namespace ChatOpsBot.Connectors.Pacing;

/// <summary>
/// Takes a quota slot for every attempt that passes through it. It sits inside the retry loop and outside the attempt
/// timeout (see <see cref="PacedHttpClientBuilderExtensions"/>), so retries are paced like first attempts and a wait
/// for the quota never counts as a slow attempt.
/// </summary>
internal sealed class PacingHandler(QuotaPacer pacer) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.TryGetValue(QuotaPacer.WaitObserver, out var observer);
        var slot = await pacer.AcquireAsync(observer, cancellationToken).ConfigureAwait(false);
        await using (slot.ConfigureAwait(false))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
