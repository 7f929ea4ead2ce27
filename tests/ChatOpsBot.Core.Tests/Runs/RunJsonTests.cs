using ChatOpsBot.Core.Playbook.Validation;
using ChatOpsBot.Core.Runs;

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
}
