using System.Text.Json.Serialization;

namespace ChatOpsBot.Connectors.OfflineIntel;

/// <summary>One OTX pulse as exported; fields the bot does not use are ignored.</summary>
internal sealed class OtxPulseDto
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("tags")]
    public List<string>? Tags { get; set; }

    [JsonPropertyName("malware_families")]
    [JsonConverter(typeof(MalwareFamiliesConverter))]
    public List<string>? MalwareFamilies { get; set; }

    [JsonPropertyName("indicators")]
    public List<OtxIndicatorDto>? Indicators { get; set; }
}
