namespace ChatOpsBot.Core.Playbook.Coverage;

/// <summary>Section names as analysts read them ("Initial compromise", not "InitialCompromise").</summary>
public static class SectionNames
{
    /// <summary>The friendly name of <paramref name="section"/>.</summary>
    public static string Friendly(PlaybookSection section) => section switch
    {
        PlaybookSection.InitialCompromise => "Initial compromise",
        _ => section.ToString(),
    };

    /// <summary>The friendly name of a section given by its enum name; unknown names are returned as they are.</summary>
    public static string Friendly(string section) =>
        Enum.TryParse<PlaybookSection>(section, out var parsed) ? Friendly(parsed) : section;
}
