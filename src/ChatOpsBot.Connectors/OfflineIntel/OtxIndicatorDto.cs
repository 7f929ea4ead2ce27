using System.Text.Json.Serialization;

namespace ChatOpsBot.Connectors.OfflineIntel;

/// <summary>One indicator of a pulse: its value and OTX type (IPv4, CIDR, FileHash-SHA256, URL ...).</summary>
internal sealed class OtxIndicatorDto
{
    [JsonPropertyName("indicator")]
    public string? Indicator { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }
}
