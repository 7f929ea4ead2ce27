using System.Text.Json.Nodes;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Storage.Runs;

namespace ChatOpsBot.Storage.Tests.Runs;

public sealed class RunDocumentTests
{
    [Fact]
    public void Serialize_leaves_out_the_lists_kept_as_entries_and_keeps_the_run_json_form()
    {
        var run = SampleRuns.InValidation("r-1", StorageFixture.Start);

        var document = JsonNode.Parse(RunDocument.Serialize(run))!.AsObject();

        Assert.False(document.ContainsKey("timeline"));
        Assert.False(document.ContainsKey("closedPrompts"));
        Assert.False(document.ContainsKey("hits"));
        Assert.Equal("AwaitingAnswer", document["state"]!.GetValue<string>());
        Assert.Equal("Pending", document["remoteIps"]![0]!["status"]!.GetValue<string>());
        var full = JsonNode.Parse(RunJson.Serialize(run))!.AsObject();
        full.Remove("timeline");
        full.Remove("closedPrompts");
        full.Remove("hits");
        Assert.Equal(full.ToJsonString(), document.ToJsonString());
    }

    [Fact]
    public void Deserialize_gives_a_run_with_empty_entry_lists_and_everything_else()
    {
        var run = SampleRuns.InValidation("r-1", StorageFixture.Start);

        var read = RunDocument.Deserialize(RunDocument.Serialize(run));

        Assert.Empty(read.Timeline);
        Assert.Empty(read.ClosedPrompts);
        Assert.Empty(read.Hits);
        read.Timeline = run.Timeline;
        read.ClosedPrompts = run.ClosedPrompts;
        read.Hits = run.Hits;
        Assert.Equal(RunJson.Serialize(run), RunJson.Serialize(read));
    }

    [Fact]
    public void Run_json_still_carries_the_whole_run()
    {
        var json = JsonNode.Parse(RunJson.Serialize(SampleRuns.InValidation("r-1", StorageFixture.Start)))!.AsObject();

        Assert.Equal(2, json["timeline"]!.AsArray().Count);
        Assert.Single(json["hits"]!.AsArray());
        Assert.Single(json["closedPrompts"]!.AsArray());
    }
}
