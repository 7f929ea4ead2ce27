using System.Text.Json.Serialization;

namespace ChatOpsBot.Connectors.OfflineIntel;

/// <summary>The page shape of OTX <c>/api/v1/pulses/subscribed</c>; only the pulses matter offline.</summary>
internal sealed class OtxExportDto
{
    [JsonPropertyName("results")]
    public List<OtxPulseDto>? Results { get; set; }
}
