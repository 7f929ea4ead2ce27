using System.Text.Json.Nodes;

namespace ChatOpsBot.Slack.BlockKit;

/// <summary>A notification as Slack blocks, and whether rows were left out (then the full CSV is attached).</summary>
public sealed record RenderedNotification(string Fallback, JsonArray Blocks, int RowsShown, int RowsTotal)
{
    public bool Truncated => RowsShown < RowsTotal;
}
