using Stateless.Graph;

namespace ChatOpsBot.Core.Playbook.Engine;

/// <summary>Each section machine as Mermaid or DOT, generated from the machine configuration itself.</summary>
public static class PlaybookGraphs
{
    /// <summary>Graph text for <paramref name="section"/> in <paramref name="format"/> (<c>mermaid</c> or <c>dot</c>).</summary>
    public static string Render(IPlaybookSection section, string format) => format.ToLowerInvariant() switch
    {
        "mermaid" => MermaidGraph.Format(section.Describe()),
        "dot" => UmlDotGraph.Format(section.Describe()),
        _ => throw new ArgumentException($"Unknown graph format '{format}'; use mermaid or dot.", nameof(format)),
    };
}
