using System.Text.Json;
using ChatOpsBot.Core.Intel;

namespace ChatOpsBot.Connectors.Otx;

/// <summary>The parts of an indicator's <c>/general</c> section the playbook uses.</summary>
/// <param name="Pulses">From <c>pulse_info.pulses</c>.</param>
/// <param name="AllowListed">True when <c>validation</c> has entries (allow-list, known-good infrastructure).</param>
internal sealed record OtxGeneral(IReadOnlyList<PulseRef> Pulses, bool AllowListed)
{
    public static OtxGeneral None { get; } = new([], false);

    /// <summary>Allow-listing wins over pulses: OTX itself marks such pulse entries as likely false positives.</summary>
    public Verdict Verdict => AllowListed ? Verdict.Harmless : Pulses.Count > 0 ? Verdict.Malicious : Verdict.Unknown;

    public string Detail => (AllowListed, Pulses.Count) switch
    {
        (true, _) => "allow-listed by OTX validation",
        (_, 0) => "in no OTX pulse",
        (_, 1) => $"in OTX pulse '{Pulses[0].Name}'",
        _ => $"in {Pulses.Count} OTX pulses: {string.Join(", ", Pulses.Take(5).Select(p => $"'{p.Name}'"))}",
    };

    public static OtxGeneral Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new JsonException("The general section is not an object.");
        var allowListed = root.TryGetProperty("validation", out var validation) && validation.ValueKind == JsonValueKind.Array && validation.GetArrayLength() > 0;
        var pulses = new List<PulseRef>();
        if (root.TryGetProperty("pulse_info", out var info) && info.ValueKind == JsonValueKind.Object
            && info.TryGetProperty("pulses", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var pulse in list.EnumerateArray())
            {
                var id = Text(pulse, "id") ?? throw new JsonException("A pulse has no id.");
                pulses.Add(new PulseRef(id, Text(pulse, "name") ?? id, Strings(pulse, "tags"), Strings(pulse, "malware_families")));
            }
        }
        return new OtxGeneral(pulses, allowListed);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Tags are strings; malware families are strings or objects with <c>display_name</c>/<c>id</c>.</summary>
    private static IReadOnlyList<string> Strings(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array) return [];
        return array.EnumerateArray()
            .Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.ValueKind == JsonValueKind.Object ? Text(v, "display_name") ?? Text(v, "id") : null)
            .OfType<string>()
            .Where(s => s.Length > 0)
            .ToList();
    }
}
