using System.Security.Cryptography;
using System.Text;
using ChatOpsBot.Core.Ticketing;

namespace ChatOpsBot.Connectors.TheHive;

/// <summary>Maps the playbook's observable types to TheHive data types, and keys to tags.</summary>
internal static class TheHiveObservables
{
    /// <summary>TheHive's data type for an observable type (TheHive's built-in types of the same names).</summary>
    public static string DataType(ObservableType type) => type switch
    {
        ObservableType.Ip => "ip",
        ObservableType.Hostname => "hostname",
        ObservableType.Hash => "hash",
        ObservableType.Url => "url",
        ObservableType.Mail => "mail",
        _ => "other",
    };

    /// <summary>Whether two values of one type are the same observable: URLs compare exactly, the rest ignore case.</summary>
    public static bool Same(ObservableType type, string a, string b) =>
        string.Equals(a, b, type == ObservableType.Url ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);

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
