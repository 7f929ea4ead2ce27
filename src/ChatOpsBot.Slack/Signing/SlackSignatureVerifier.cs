using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChatOpsBot.Slack.Signing;

/// <summary>
/// Slack's request signing: <c>v0=</c> + hex(HMAC-SHA256(secret, <c>v0:{timestamp}:{raw body}</c>)), compared in
/// constant time, with the timestamp no more than five minutes from now either way (replay protection).
/// </summary>
public sealed class SlackSignatureVerifier(string signingSecret, TimeProvider clock)
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private readonly byte[] _key = Encoding.UTF8.GetBytes(signingSecret);

    /// <summary>Checks <paramref name="signature"/> over <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    public SignatureCheck Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)) return SignatureCheck.MissingHeader;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return SignatureCheck.BadTimestamp;
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - seconds) > Tolerance.TotalSeconds) return SignatureCheck.StaleTimestamp;
        if (!signature.StartsWith("v0=", StringComparison.Ordinal)) return SignatureCheck.UnsupportedVersion;
        var expected = Encoding.ASCII.GetBytes(Sign(_key, timestamp, body));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    /// <summary>The <c>v0=…</c> signature of <paramref name="body"/> (also used by tests to play Slack).</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body) => Sign(Encoding.UTF8.GetBytes(secret), timestamp, body);

    private static string Sign(byte[] key, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, message));
    }
}
