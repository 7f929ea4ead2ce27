using System.Net;
using System.Text.RegularExpressions;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Slack.Tests.TestSupport;
using ChatOpsBot.TestSupport;
using Xunit.Abstractions;

namespace ChatOpsBot.Slack.Tests.ScaleOut;

/// <summary>
/// Nothing acknowledged is lost: bot processes on one real PostgreSQL database, the loopback fake Slack, and faults
/// injected at chosen moments (kill -9, SIGTERM, a storm of 500/429 on chat.postMessage, a slow Slack racing a click
/// on the other replica, replicas started together on an empty database).
/// </summary>
public sealed partial class DurabilityTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "chatopsbot-durability", Guid.NewGuid().ToString("N"));
    private FakeSlack _slack = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _slack = await FakeSlack.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    /// <summary>Short leases and back-offs so takeovers and retries happen within a test; the bot's own logs at Information.</summary>
    private static Dictionary<string, string> Settings(string token = "xoxb-test-token", string poll = "00:00:00.200") => new()
    {
        ["Slack:BotToken"] = token,
        ["WorkQueue:PollInterval"] = poll,
        ["WorkQueue:InboxLease"] = "00:00:03",
        ["Outbox:RetryBaseDelay"] = "00:00:00.200",
        ["Outbox:MaxRetryDelay"] = "00:00:02",
        ["Outbox:ClaimLease"] = "00:00:10",
        ["Outbox:PollInterval"] = "00:00:00.300",
        ["Serilog:MinimumLevel:Override:ChatOpsBot"] = "Information",
    };

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_answer_acknowledged_by_a_replica_stopped_right_after_is_applied_by_the_other(bool killed)
    {
        await using var db = await SharedPostgres.CreateAsync();
        await using var a = await Replica.StartAsync("a", db.ConnectionString, _slack, _directory, Settings());
        // B looks for other replicas' answers only every 2 s, so A (woken at once) is the one that takes the click.
        await using var b = await Replica.StartAsync("b", db.ConnectionString, _slack, _directory, Settings(poll: "00:00:02"));
        var runId = await ScaleOutAnalyst.StartAsync(a, _slack);
        var prompt = (await ScaleOutAnalyst.NextPromptAsync(db, _slack, runId)).Prompt!;
        var option = prompt.FindOption(prompt.Suggestion ?? "") ?? prompt.Options[0];
        var button = ScaleOutAnalyst.Buttons(_slack, prompt.Id).Last(x => x.Value.EndsWith($"|{option.Value}", StringComparison.Ordinal));

        TimeSpan acknowledged;
        await using (await db.LockRunAsync(runId))
        {
            // While the run's row is locked A can receive and acknowledge the click but cannot save the answer.
            acknowledged = await ScaleOutAnalyst.ClickAsync(a, SlackPayloads.BlockAction(BotHost.Approver, button.ActionId, button.Value, _slack.ResponseUrl("click")));
            await Eventually.WaitAsync(async () => await db.ScalarAsync("""SELECT "LeaseOwner" FROM inbox WHERE "RunId" = @p0""", runId) is string owner
                && owner.Contains($":{a.ProcessId}:", StringComparison.Ordinal), "replica a to take the answer", 20);
            if (killed) a.Kill();
            else await a.TerminateAsync();
        }

        await Eventually.WaitAsync(async () => (await db.RunAsync(runId)).Prompt?.Id != prompt.Id, "the other replica to apply the answer", 60);
        var run = await db.RunAsync(runId);
        Assert.Single(run.Timeline, t => t.Kind == TimelineEntryKind.Answer && t.PromptId == prompt.Id && t.Actor == $"slack:{BotHost.Approver}");
        Assert.True(acknowledged < TimeSpan.FromSeconds(3), $"acknowledged after {acknowledged.TotalMilliseconds:0} ms");
        Assert.True(LogLine(a.Log, "answer received", prompt.Id), a.Log);
        Assert.False(LogLine(a.Log, prompt.Id, "answered"), "replica a logged the answer as answered although it never saved it");
        await Eventually.WaitAsync(() => LogLine(b.Log, prompt.Id, "answered"), "replica b to log the answer once saved", 10);
        output.WriteLine($"{(killed ? "kill -9" : "SIGTERM")}: acknowledged in {acknowledged.TotalMilliseconds:0} ms; applied by replica b");
    }

    [SkippableFact]
    public async Task A_20_second_storm_of_500_and_429_on_postMessage_ends_with_every_message_delivered_once_in_order_without_a_command()
    {
        await using var db = await SharedPostgres.CreateAsync();
        await using var a = await Replica.StartAsync("a", db.ConnectionString, _slack, _directory, Settings());
        await using var b = await Replica.StartAsync("b", db.ConnectionString, _slack, _directory, Settings());
        Replica[] replicas = [a, b];
        var runId = await ScaleOutAnalyst.StartAsync(a, _slack);
        var storm = TimeSpan.FromSeconds(20);
        _slack.Storm("chat.postMessage", storm);
        var stormEnds = DateTime.UtcNow + storm;

        for (var step = 0; ; step++)
        {
            var run = await ScaleOutAnalyst.NextPromptAsync(db, _slack, runId, seconds: 120);
            if (run.State == RunState.Resolved) break;
            await ScaleOutAnalyst.AnswerAsync(replicas[step % 2], _slack, runId, run.Prompt!);
            await Eventually.WaitAsync(async () => (await db.RunAsync(runId)).Prompt?.Id != run.Prompt!.Id, "the answer to be applied", 60);
        }

        var resolved = await db.RunAsync(runId);
        Assert.True(DateTime.UtcNow > stormEnds);
        Assert.Empty(resolved.Outbox);
        Assert.True(_slack.CallsTo("chat.postMessage").Count > _slack.Messages.Count, "the storm refused posts");
        AssertDeliveredOnceInOrder(runId, resolved);
        output.WriteLine($"{resolved.OutboxSequence} outbox messages, {_slack.CallsTo("chat.postMessage").Count} chat.postMessage calls, {_slack.Messages.Count} accepted");
    }

    [SkippableFact]
    public async Task A_click_on_one_replica_while_the_other_is_still_posting_the_question_posts_no_question_twice_in_20_tries()
    {
        await using var db = await SharedPostgres.CreateAsync();
        // Distinct tokens tell the fake Slack which replica is posting.
        await using var a = await Replica.StartAsync("a", db.ConnectionString, _slack, _directory, Settings(token: "xoxb-replica-a"));
        await using var b = await Replica.StartAsync("b", db.ConnectionString, _slack, _directory, Settings(token: "xoxb-replica-b"));
        // Slack is slow to accept a question (a message with answer buttons): the click comes while it is being posted.
        _slack.Slow("chat.postMessage", TimeSpan.FromSeconds(2.5), c => c.Body.Contains("c2hunt_answer:", StringComparison.Ordinal));

        const int Tries = 20;
        var raced = 0;
        foreach (var batch in Enumerable.Range(0, Tries).Chunk(5))
            raced += (await Task.WhenAll(batch.Select(i => RaceOnceAsync(i % 2 == 0 ? a : b, a, b)))).Count(r => r);

        Assert.Equal(Tries, raced);
        var questions = _slack.Messages.Where(m => m.Key?.StartsWith("prompt:", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(questions.Count, questions.Select(m => m.Key).Distinct().Count());
    }

    [SkippableFact]
    public async Task A_replica_killed_while_its_question_is_being_posted_leaves_it_to_the_other_which_finds_the_post_instead_of_repeating_it()
    {
        await using var db = await SharedPostgres.CreateAsync();
        var settings = new Dictionary<string, string>(Settings()) { ["Outbox:ClaimLease"] = "00:00:05" };
        var replicas = new Dictionary<string, Replica>
        {
            ["a"] = await Replica.StartAsync("a", db.ConnectionString, _slack, _directory, With(settings, "xoxb-replica-a")),
            ["b"] = await Replica.StartAsync("b", db.ConnectionString, _slack, _directory, With(settings, "xoxb-replica-b")),
        };
        try
        {
            // Slack takes 2 s to accept a question and keeps it even when the bot that posted it is gone by then.
            _slack.Slow("chat.postMessage", TimeSpan.FromSeconds(2), c => c.Body.Contains("c2hunt_answer:", StringComparison.Ordinal));
            const int Tries = 3;
            for (var attempt = 0; attempt < Tries; attempt++)
            {
                var runId = await ScaleOutAnalyst.StartAsync(replicas[attempt % 2 == 0 ? "a" : "b"], _slack);
                var posting = await Eventually.WaitAsync(() => Task.FromResult(_slack.CallsTo("chat.postMessage")
                    .FirstOrDefault(c => c.Body.Contains($"{runId}|{runId}/p", StringComparison.Ordinal))), "the first question to be on its way", 60);
                var poster = posting.Authorization.Contains("replica-a", StringComparison.Ordinal) ? "a" : "b";
                replicas[poster].Kill();
                var promptId = (await db.RunAsync(runId)).Prompt!.Id;

                // The other replica takes the message over once the claim's lease runs out, looks it up, and finds it.
                var run = await ScaleOutAnalyst.NextPromptAsync(db, _slack, runId, seconds: 60);
                Assert.Equal(promptId, run.Prompt!.Id);
                await Eventually.WaitAsync(async () => (await db.RunAsync(runId)).Outbox.Count == 0, "the outbox to drain", 60);
                Assert.Single(_slack.Messages, m => m.Key == $"prompt:{promptId}");
                var survivor = replicas[poster == "a" ? "b" : "a"];
                await ScaleOutAnalyst.AnswerAsync(survivor, _slack, runId, run.Prompt);
                await Eventually.WaitAsync(() => ScaleOutAnalyst.Buttons(_slack, promptId).Count == 0, "the question to show its answer", 60);
                Assert.Single(_slack.Messages, m => m.Key == $"prompt:{promptId}");

                await replicas[poster].DisposeAsync();
                replicas[poster] = await Replica.StartAsync(poster, db.ConnectionString, _slack, _directory,
                    With(settings, $"xoxb-replica-{poster}"));
            }
            // The question is a reply in the run's thread: it is looked up in the thread (history lists top-level messages only).
            Assert.True(_slack.CallsTo("conversations.replies").Count >= Tries, "each takeover looked the question up");
            output.WriteLine($"{Tries} replicas killed mid-post: {Tries} questions posted once each");
        }
        finally
        {
            foreach (var replica in replicas.Values) await replica.DisposeAsync();
        }
    }

    // One try: start a run, wait until its first question is on its way to Slack, click it on the replica that is not posting it.
    private async Task<bool> RaceOnceAsync(Replica starter, Replica a, Replica b)
    {
        var runId = await ScaleOutAnalyst.StartAsync(starter, _slack);
        var posting = await Eventually.WaitAsync(() => Task.FromResult(_slack.CallsTo("chat.postMessage")
            .FirstOrDefault(c => c.Body.Contains($"{runId}|{runId}/p", StringComparison.Ordinal))), $"the first question of {runId} to be posted", 60);
        var buttons = posting.Json!["blocks"]!.AsArray().Where(x => x?["type"]?.GetValue<string>() == "actions")
            .SelectMany(x => x!["elements"]!.AsArray()).Select(e => (ActionId: e!["action_id"]!.GetValue<string>(), Value: e["value"]!.GetValue<string>())).ToList();
        var button = buttons[0];
        var promptId = button.Value.Split('|')[1];
        var other = posting.Authorization.Contains("replica-a", StringComparison.Ordinal) ? b : a;
        var stillPosting = !_slack.Messages.Any(m => m.Key == $"prompt:{promptId}");
        await ScaleOutAnalyst.ClickAsync(other, SlackPayloads.BlockAction(BotHost.Approver, button.ActionId, button.Value, _slack.ResponseUrl($"race-{runId}")));

        // The question ends up once in the channel, closed (no live buttons left), whichever replica posted and updated it.
        await Eventually.WaitAsync(() => _slack.Messages.Any(m => m.Key == $"prompt:{promptId}") && ScaleOutAnalyst.Buttons(_slack, promptId).Count == 0,
            $"{promptId} to be shown answered", 60);
        await Task.Delay(500); // a second post, if any, would have been sent by now
        Assert.Single(_slack.Messages, m => m.Key == $"prompt:{promptId}");
        return stillPosting;
    }

    [SkippableFact]
    public async Task Four_replicas_started_at_once_on_an_empty_database_all_come_up_and_acknowledge_their_first_click_within_3_s()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var starting = Enumerable.Range(0, 4).Select(i => Replica.StartAsync($"r{i}", database.ConnectionString, _slack, _directory, Settings())).ToList();
        var replicas = new List<Replica>();
        var timings = new List<TimeSpan>();
        try
        {
            foreach (var start in starting)
                try { replicas.Add(await start); }
                catch (TimeoutException e) { Assert.Fail(e.Message); }

            foreach (var replica in replicas)
            {
                // A load balancer sends a replica traffic once it reports ready.
                await Eventually.WaitAsync(async () => (await replica.GetAsync("healthz/ready")).StatusCode == HttpStatusCode.OK, $"replica {replica.Name} to be ready", 60);
                // The first interaction a cold replica handles: stored in the inbox, acknowledged.
                var elapsed = await ScaleOutAnalyst.ClickAsync(replica, SlackPayloads.BlockAction(BotHost.Approver, "c2hunt_answer:0",
                    "r-20261128-000000-0000|r-20261128-000000-0000/p1|Dismiss", _slack.ResponseUrl($"cold-{replica.Name}")));
                var warm = await ScaleOutAnalyst.ClickAsync(replica, SlackPayloads.BlockAction(BotHost.Approver, "c2hunt_answer:0",
                    "r-20261128-000000-0000|r-20261128-000000-0000/p1|Dismiss", _slack.ResponseUrl($"warm-{replica.Name}")));
                output.WriteLine($"replica {replica.Name}: first click acknowledged in {elapsed.TotalMilliseconds:0} ms, second in {warm.TotalMilliseconds:0} ms");
                timings.Add(elapsed);
                using var ready = await replica.GetAsync("healthz/ready");
                Assert.True(ready.StatusCode == HttpStatusCode.OK, await ready.Content.ReadAsStringAsync());
            }
            Assert.All(replicas, r => Assert.False(r.HasExited, r.Log));
            // Slack's budget is asserted unless the machine is overloaded by others (load average above four per core):
            // then the measurement is only reported, since it says more about the machine than about the bot.
            var load = LoadAverage();
            if (load <= 4 * Environment.ProcessorCount)
                Assert.All(timings, t => Assert.True(t < TimeSpan.FromSeconds(3), $"a cold replica acknowledged after {t.TotalMilliseconds:0} ms (load average {load:0.0})"));
            else
                output.WriteLine($"load average {load:0.0} on {Environment.ProcessorCount} cores: the 3 s budget is reported, not asserted");
            // Each answer to the unknown run is applied (by some replica) and refused politely (a courtesy reply may come
            // twice when an answer is applied again after its lease ran out on a slow machine).
            await Eventually.WaitAsync(() => _slack.CallsTo("response_url").Where(c => c.Body.Contains("There is no run", StringComparison.Ordinal))
                .Select(c => c.Path).Distinct().Count() == 8, "the eight refusals", 120);
        }
        finally
        {
            foreach (var r in replicas) await r.DisposeAsync();
            foreach (var start in starting.Where(s => s.IsCompletedSuccessfully && !replicas.Contains(s.Result))) await start.Result.DisposeAsync();
        }
    }

    // Every outbox message of the run reached Slack exactly once (a post, or the update of its message), in outbox order.
    private void AssertDeliveredOnceInOrder(string runId, PlaybookRun run)
    {
        var accepted = _slack.Accepted.Where(x => x.RunId == runId).Select(x => x.Seq).ToList();
        Assert.Equal(Enumerable.Range(1, (int)run.OutboxSequence).Select(i => (long)i), accepted);
        var posted = _slack.Messages.Where(m => m.Key is not null && m.Metadata?["event_payload"]?["run_id"]?.GetValue<string>() == runId).ToList();
        Assert.Equal(posted.Count, posted.Select(m => m.Key).Distinct().Count());
    }

    private static double LoadAverage() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var load) ? load : 0;

    private static Dictionary<string, string> With(Dictionary<string, string> settings, string token) =>
        new(settings) { ["Slack:BotToken"] = token };

    private static bool LogLine(string log, string first, string second) =>
        log.Split('\n').Any(l => l.Contains(first, StringComparison.Ordinal) && l.Contains(second, StringComparison.Ordinal)
                                 && l.IndexOf(first, StringComparison.Ordinal) < l.IndexOf(second, StringComparison.Ordinal));
}
