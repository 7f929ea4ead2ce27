namespace ChatOpsBot.Deploy.Tests.Helm;

/// <summary>A fact that needs the real helm binary; skipped (and said so) where it is not installed.</summary>
internal sealed class HelmFactAttribute : FactAttribute
{
    public HelmFactAttribute()
    {
        if (HelmChart.HelmPath is null) Skip = "helm is not installed; the chart is rendered by the test renderer instead";
    }
}
