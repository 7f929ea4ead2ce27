using ChatOpsBot.Connectors.Http;
using ChatOpsBot.Core.Siem;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Splunk;

/// <summary>
/// The SIEM is Splunk. The daily hunt uploads the indicators (KV store batches or the Lookup Editor), dispatches the
/// saved search, polls the job and pages through its results; or, in export mode, streams an ad-hoc search.
/// Pivots always stream an ad-hoc search over the pivot IPs. Failures that outlast the retries become <see cref="SplunkException"/>.
/// </summary>
public sealed class SplunkSiem(HttpClient http, IOptions<SplunkOptions> options, TimeProvider clock, ILogger<SplunkSiem> logger) : ISiem
{
    private readonly SplunkOptions _options = options.Value;
    private readonly SplunkRest _rest = new(http, options.Value);

    /// <summary>The coverage's <see cref="SiemCoverage.Source"/>.</summary>
    public const string SourceName = "Splunk";

    /// <remarks>
    /// Coverage comes from the search job (saved-search hunts): records read and in the window are both the job's
    /// scanCount, since a job scans only events inside its time range (its eventCount counts the events the search
    /// matched, the hits, not what was examined); earliest and latest are the job's time range. An export search
    /// creates no job and reports nothing of what it scanned, so its coverage stays null (not reported).
    /// </remarks>
    public async Task<SiemResult> QueryAsync(SiemQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Indicators.Count == 0)
            return new SiemResult([], 0) { Coverage = new SiemCoverage(SourceName, 0, 0, 0, 0, null, null, []) };

        using var deadline = new CancellationTokenSource(_options.SearchTimeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var call = new Call(deadline, cancellationToken, _options.SearchTimeout);
        var hits = new SplunkHitAccumulator(_options.Fields, new IndicatorMatcher(query.Indicators), query.From, query.To);

        SplunkJob? job = null;
        if (query.Purpose == QueryPurpose.Hunt && _options.Mode == SplunkMode.SavedSearch)
            job = await SavedSearchAsync(query, hits, call, linked.Token).ConfigureAwait(false);
        else
            await ExportAsync(query, hits, call, linked.Token).ConfigureAwait(false);

        var result = hits.ToHits();
        logger.LogInformation("Splunk {Purpose} query over {Indicators} indicator(s): {Hits} hit(s), {Skipped} row(s) skipped, {Scanned} event(s) scanned",
            query.Purpose, query.Indicators.Count, result.Count, hits.Skipped, job?.ScanCount);
        return new SiemResult(result, job?.ScanCount ?? 0)
        {
            Coverage = job is null ? null : new SiemCoverage(SourceName, 0, job.ScanCount, job.ScanCount, 0,
                job.EarliestTime ?? query.From, job.LatestTime ?? query.To, []),
        };
    }

    private async Task<SplunkJob> SavedSearchAsync(SiemQuery query, SplunkHitAccumulator hits, Call call, CancellationToken token)
    {
        var indicators = query.Indicators.Select(IndicatorMatcher.Text).Distinct(StringComparer.Ordinal).ToList();
        if (_options.Upload == SplunkUpload.LookupEditor)
        {
            await call.StageAsync($"replacing lookup '{_options.LookupFile}'", () => _rest.ReplaceLookupAsync(indicators, token)).ConfigureAwait(false);
        }
        else
        {
            // Start from an empty collection so yesterday's indicators do not match today.
            await call.StageAsync($"clearing KV store collection '{_options.Collection}'", () => _rest.ClearCollectionAsync(token)).ConfigureAwait(false);
            foreach (var batch in indicators.Chunk(_options.BatchSize))
                await call.StageAsync($"saving indicators to KV store collection '{_options.Collection}'", () => _rest.SaveBatchAsync(batch, token)).ConfigureAwait(false);
        }

        var sid = await call.StageAsync($"dispatching saved search '{_options.SavedSearch}'", () => _rest.DispatchAsync(query.From, query.To, token)).ConfigureAwait(false);
        var job = await call.StageAsync($"waiting for search job {sid}", () => WaitForJobAsync(sid, token)).ConfigureAwait(false);

        for (var offset = 0; ; offset += _options.PageSize)
        {
            var page = await call.StageAsync($"reading results of search job {sid}", () => _rest.GetResultsPageAsync(sid, offset, _options.PageSize, token)).ConfigureAwait(false);
            foreach (var row in page) hits.Add(row);
            if (page.Count < _options.PageSize) break;
        }
        return job;
    }

    private async Task<SplunkJob> WaitForJobAsync(string sid, CancellationToken token)
    {
        while (true)
        {
            var job = await _rest.GetJobAsync(sid, token).ConfigureAwait(false);
            if (job.IsDone) return job;
            if (job.IsFailed)
                throw new SplunkException($"search job {sid} failed{(job.Messages.Length > 0 ? ": " + SplunkRest.Shorten(job.Messages) : "")}");
            await Task.Delay(_options.PollInterval, clock, token).ConfigureAwait(false);
        }
    }

    private Task ExportAsync(SiemQuery query, SplunkHitAccumulator hits, Call call, CancellationToken token)
    {
        var search = SplunkSearchText.Adhoc(_options.AdhocSearch, query.Indicators);
        return call.StageAsync($"{query.Purpose.ToString().ToLowerInvariant()} export search", async () =>
        {
            await foreach (var row in _rest.ExportAsync(search, query.From, query.To, token).ConfigureAwait(false))
                hits.Add(row);
        });
    }

    /// <summary>One query's deadline and the caller's token: turns what a stage ends with into a <see cref="SplunkException"/>.</summary>
    private sealed class Call(CancellationTokenSource deadline, CancellationToken caller, TimeSpan timeout)
    {
        public async Task StageAsync(string stage, Func<Task> step) =>
            await StageAsync(stage, async () => { await step().ConfigureAwait(false); return true; }).ConfigureAwait(false);

        public async Task<T> StageAsync<T>(string stage, Func<Task<T>> step)
        {
            try
            {
                return await step().ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (deadline.IsCancellationRequested && !caller.IsCancellationRequested)
            {
                throw new SplunkException($"{stage}: not finished within Splunk:SearchTimeout ({timeout})", e);
            }
            catch (Exception e) when (e is not SplunkException && HttpFailure.IsFinal(e, caller))
            {
                throw new SplunkException($"{stage} failed: {HttpFailure.Describe(e)}", e);
            }
        }
    }
}
