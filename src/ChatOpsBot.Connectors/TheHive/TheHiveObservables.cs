using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace ChatOpsBot.Connectors.TheHive;

/// <summary>Maps the playbook's plain indicator strings to TheHive observable data types, and keys to tags.</summary>
internal static class TheHiveObservables
{
    public static string DataType(string value)
    {
        if (IPAddress.TryParse(value, out _))
            return "ip";
        if (value.Contains('@', StringComparison.Ordinal))
            return "mail";
        if (value.Length is 32 or 40 or 64 or 128 && value.All(Uri.IsHexDigit))
            return "hash";
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            return "url";
        return Uri.CheckHostName(value) == UriHostNameType.Dns ? "hostname" : "other";
    }

    /// <summary>
    /// The tag (or log marker) carrying an idempotency key. Hashed: run keys may hold mail ids and addresses, which
    /// neither belong in a tag nor fit TheHive's tag rules; the hash is stable across restarts.
    /// </summary>
    public static string KeyTag(string idempotencyKey) =>
        "chatopsbot:key:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..32];

    /// <summary>P1 → 4 (critical), P2 → 3 (high), P3 → 2 (medium), anything else → 1 (low).</summary>
    public static int Severity(string priority) => priority.Trim().ToUpperInvariant() switch
    {
        "P1" or "CRITICAL" => 4,
        "P2" or "HIGH" => 3,
        "P3" or "MEDIUM" => 2,
        _ => 1,
    };
}
