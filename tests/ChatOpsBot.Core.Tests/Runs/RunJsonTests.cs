using System.Text.Json;
using System.Text.Json.Serialization;
using ChatOpsBot.Core.Playbook.Validation;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Tests.Fakes;

namespace ChatOpsBot.Core.Tests.Runs;

public sealed class RunJsonTests
{
    [Fact]
    public void Serialize_Enums_AreWrittenAsNames()
    {
        var run = new PlaybookRun { Id = "r-1", State = RunState.AwaitingAnswer };
        run.Validation.State = nameof(ValidationState.AwaitingVerdict);
        run.RemoteIps.Add(new RemoteIpCase { Ip = "45.137.21.9", Origin = HitOrigin.Pivot, Status = IpVerdictStatus.Malware });

        var json = RunJson.Serialize(run);

        Assert.Contains("\"state\":\"AwaitingAnswer\"", json, StringComparison.Ordinal);
        Assert.Contains("\"state\":\"AwaitingVerdict\"", json, StringComparison.Ordinal);
        Assert.Contains("\"origin\":\"Pivot\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"Malware\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_SerializedRun_RestoresStates()
    {
        var run = new PlaybookRun { Id = "r-1", State = RunState.Abandoned };
        run.Hosts.Add(new CompromisedHost { Host = "10.20.1.15", Status = HostStatus.ChecklistConfirmed });

        var back = RunJson.Deserialize(RunJson.Serialize(run));

        Assert.Equal(RunState.Abandoned, back.State);
        Assert.Equal(HostStatus.ChecklistConfirmed, back.Hosts.Single().Status);
    }

    [Fact]
    public async Task Serialize_FinishedDemoRun_WritesWhatTheReflectionSerializerWrites()
    {
        // The generated metadata must not change the stored form: runs saved before it was introduced still load.
        var world = TestWorld.Demo();
        var bot = world.StartBot();
        var run = await bot.RunAutoAsync((await bot.StartAsync()).Id);
        var reflection = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

        var generated = RunJson.Serialize(run);

        Assert.True(run.Timeline.Count > 20 && run.Hits.Count > 0 && run.Mails.Count > 0 && run.Ticket is not null);
        Assert.Equal(JsonSerializer.Serialize(run, reflection), generated);
        Assert.Equal(generated, JsonSerializer.Serialize(JsonSerializer.Deserialize<PlaybookRun>(generated, reflection), reflection));
        Assert.Equal(generated, RunJson.Serialize(RunJson.Deserialize(generated)));
    }

    [Fact]
    public void Options_SerializeTypesOutsideTheRun_ByReflection()
    {
        // Reports and `runs show` use RunJson.Options for types the generated context does not cover.
        var json = JsonSerializer.Serialize(new { Status = IpVerdictStatus.Malware, Count = 2 }, RunJson.Options);

        Assert.Equal("{\"status\":\"Malware\",\"count\":2}", json);
    }
}
