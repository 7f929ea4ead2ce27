using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Runs;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Core.Playbook.Inbox;

/// <summary>
/// The way in for every answer: it is written to the durable inbox (<see cref="IInboxStore"/>) before the channel
/// acknowledges it, then applied here, through <see cref="AnswerProcessor"/>, on this replica or any other. An item
/// applied twice (its first replica died after saving the answer but before marking the item done) changes nothing
/// the second time and bothers nobody with "already answered".
/// </summary>
public sealed class AnswerInbox(
    IInboxStore store,
    AnswerProcessor answers,
    PlaybookEngine engine,
    IRunWorkQueue queue,
    IEnumerable<IInboxChannel> channels,
    TimeProvider clock,
    PlaybookMetrics metrics,
    ILogger<AnswerInbox> logger)
{
    private static readonly TimeSpan ResultPoll = TimeSpan.FromMilliseconds(100);
    private readonly Dictionary<string, IInboxChannel> _channels = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>This replica's name on the leases it takes.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>
    /// Stores <paramref name="item"/> (once per key) so it survives this replica; only then may the channel acknowledge
    /// it. With <paramref name="applyHere"/> the new item is leased to this replica, which applies it at once.
    /// </summary>
    /// <exception cref="AnswerNotRecordedException">The inbox could not store it: do not acknowledge it.</exception>
    public async Task<InboxReceipt> ReceiveAsync(InboxItem item, bool applyHere, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        InboxReceipt receipt;
        try
        {
            receipt = await store.AddAsync(item, applyHere ? Owner : null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Run {RunId}: {Kind} {Key} from {Channel} could not be recorded; it is not acknowledged", item.RunId, item.Kind, item.Key, item.Channel);
            throw new AnswerNotRecordedException("The answer could not be recorded.", e);
        }
        if (!receipt.IsNew)
        {
            logger.LogInformation("Run {RunId}: {Key} from {Channel} received again; it is already in the inbox", item.RunId, item.Key, item.Channel);
            return receipt;
        }
        metrics.InboxReceived(item.Channel);
        if (item.Answer is { } answer)
            logger.LogInformation("Run {RunId}: answer received to {PromptId} ({Option}) from {Actor} via {Channel}", item.RunId, answer.PromptId, answer.Option, answer.Actor.Id, item.Channel);
        else
            logger.LogInformation("Run {RunId}: {Kind} received via {Channel}", item.RunId, item.Kind, item.Channel);
        return receipt;
    }

    /// <summary>
    /// Stores and applies <paramref name="item"/> here and now (the terminal, a Teams card action); returns the result.
    /// A repeated key waits for the first delivery's result instead. Should applying fail, the item is handed back to
    /// the inbox workers and the exception rethrown.
    /// </summary>
    public Task<AnswerResult> ReceiveAndApplyAsync(InboxItem item, CancellationToken cancellationToken) =>
        ReceiveAndApplyAsync(item, queueAdvance: true, cancellationToken);

    /// <summary>
    /// <see cref="ReceiveAndApplyAsync(InboxItem, CancellationToken)"/> for a caller that advances the run itself (the
    /// terminal): with <paramref name="queueAdvance"/> false an accepted answer queues no background advance.
    /// </summary>
    public async Task<AnswerResult> ReceiveAndApplyAsync(InboxItem item, bool queueAdvance, CancellationToken cancellationToken)
    {
        var receipt = await ReceiveAsync(item, applyHere: true, cancellationToken).ConfigureAwait(false);
        if (!receipt.Leased) return await WaitForResultAsync(receipt.Id, cancellationToken).ConfigureAwait(false);
        return await ApplyOrReleaseAsync(new LeasedInboxItem(receipt.Id, item, 1), queueAdvance, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The second half of <see cref="ReceiveAndApplyAsync(InboxItem, CancellationToken)"/>, for a caller that answers the platform in between:
    /// applies the item this replica leased on receipt, or waits for the result of one received before.
    /// </summary>
    public Task<AnswerResult> ApplyReceivedAsync(InboxReceipt receipt, InboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return receipt.Leased
            ? ApplyOrReleaseAsync(new LeasedInboxItem(receipt.Id, item, 1), queueAdvance: true, cancellationToken)
            : WaitForResultAsync(receipt.Id, cancellationToken);
    }

    /// <summary>
    /// The result of item <paramref name="id"/>: waits while another replica applies it, and applies it here if it
    /// becomes free (its replica died or gave it back). Bound the wait with the caller's token.
    /// </summary>
    public async Task<AnswerResult> WaitForResultAsync(long id, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await store.ResultAsync(id, cancellationToken).ConfigureAwait(false) is { } done) return new AnswerResult(done.Outcome, done.Message);
            if (await store.ClaimAsync(id, Owner, cancellationToken).ConfigureAwait(false) is { } mine)
                return await ApplyOrReleaseAsync(mine, queueAdvance: true, cancellationToken).ConfigureAwait(false);
            await Task.Delay(ResultPoll, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Applies a leased item and marks it done. Throws when it could not be applied (the caller releases it).</summary>
    public Task<AnswerResult> ApplyAsync(LeasedInboxItem leased, CancellationToken cancellationToken) => ApplyAsync(leased, queueAdvance: true, cancellationToken);

    private async Task<AnswerResult> ApplyAsync(LeasedInboxItem leased, bool queueAdvance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leased);
        var item = leased.Item;
        using var scope = logger.BeginScope(PlaybookEngine.RunScope(item.RunId));
        var result = item.Kind switch
        {
            InboxKind.Resume => await ResumeAsync(item, cancellationToken).ConfigureAwait(false),
            _ => await AnswerAsync(leased, queueAdvance, cancellationToken).ConfigureAwait(false),
        };
        await store.CompleteAsync(leased.Id, Owner, new InboxResult(result.Outcome, result.Message), cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task<AnswerResult> ApplyOrReleaseAsync(LeasedInboxItem leased, bool queueAdvance, CancellationToken cancellationToken)
    {
        try
        {
            return await ApplyAsync(leased, queueAdvance, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            try
            {
                await store.ReleaseAsync(leased.Id, Owner, TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // Its lease runs out instead, and a worker applies it then.
                logger.LogWarning(e, "Run {RunId}: could not hand inbox item {Id} back", leased.Item.RunId, leased.Id);
            }
            throw;
        }
    }

    private async Task<AnswerResult> ResumeAsync(InboxItem item, CancellationToken cancellationToken)
    {
        if (!await engine.ReaskAsync(item.RunId, cancellationToken).ConfigureAwait(false))
            return new AnswerResult(AnswerOutcome.UnknownRun, $"There is no run {item.RunId}.");
        await queue.EnqueueAdvanceAsync(item.RunId, cancellationToken).ConfigureAwait(false);
        return new AnswerResult(AnswerOutcome.Accepted, $"Resuming {item.RunId}.");
    }

    private async Task<AnswerResult> AnswerAsync(LeasedInboxItem leased, bool queueAdvance, CancellationToken cancellationToken)
    {
        var item = leased.Item;
        var answer = item.Answer ?? throw new InvalidOperationException($"Inbox item {leased.Id} is an answer without one.");
        var channel = _channels.GetValueOrDefault(item.Channel);
        if (channel is not null) answer = answer with { Actor = await channel.ResolveAsync(answer.Actor, cancellationToken).ConfigureAwait(false) };
        var result = await answers.AnswerAsync(answer, cancellationToken).ConfigureAwait(false);
        var earlier = leased.Attempts > 1 && result.Outcome != AnswerOutcome.Accepted
            ? await EarlierEntryAsync(answer, cancellationToken).ConfigureAwait(false)
            : null;
        if (earlier?.Kind == TimelineEntryKind.Answer)
        {
            // An earlier attempt saved this very answer and died before finishing: finish its work, not the person's.
            logger.LogInformation("Run {RunId}: answer to {PromptId} by {Actor} was already saved by an earlier attempt", item.RunId, answer.PromptId, answer.Actor.Id);
            result = new AnswerResult(AnswerOutcome.Accepted, $"Recorded: {earlier.Value}.");
        }
        if (result.Outcome == AnswerOutcome.Accepted && queueAdvance)
            await queue.EnqueueAdvanceAsync(item.RunId, cancellationToken).ConfigureAwait(false);
        else if (earlier is null && channel is not null)
            await ReplyAsync(channel, item, result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    // The person's own earlier entry for this prompt (answer, approval, refusal, invalid text), when one exists.
    private async Task<TimelineEntry?> EarlierEntryAsync(PromptAnswer answer, CancellationToken cancellationToken)
    {
        var run = await engine.FindAsync(answer.RunId, cancellationToken).ConfigureAwait(false);
        return run?.Timeline.LastOrDefault(t => t.PromptId == answer.PromptId && t.Actor == answer.Actor.Id
            && t.Kind is TimelineEntryKind.Answer or TimelineEntryKind.Approval or TimelineEntryKind.Refused or TimelineEntryKind.InvalidAnswer);
    }

    private async Task ReplyAsync(IInboxChannel channel, InboxItem item, AnswerResult result, CancellationToken cancellationToken)
    {
        try
        {
            await channel.ReplyAsync(item, result, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The answer itself is applied and saved; only the courtesy reply is lost.
            logger.LogWarning(e, "Run {RunId}: could not tell {Actor} about the {Outcome} answer via {Channel}", item.RunId, item.Answer?.Actor.Id, result.Outcome, item.Channel);
        }
    }
}
