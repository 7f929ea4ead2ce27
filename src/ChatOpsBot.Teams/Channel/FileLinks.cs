using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChatOpsBot.Core.Dialog;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Teams.Channel;

/// <summary>
/// Full lists (CSV) the bot serves itself: stored in the channel state and reachable only by a link signed with a
/// key derived from the app secret, valid for 7 days. Used when <c>Teams:PublicBaseUrl</c> is set.
/// </summary>
public sealed class FileLinks(IOptions<TeamsOptions> options, IChannelStateStore state, TimeProvider clock)
{
    internal const string Route = "/api/teams/files/{id}";
    private static readonly TimeSpan Validity = TimeSpan.FromDays(7);

    public bool Enabled => !string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl);

    /// <summary>Stores <paramref name="file"/> under a stable id derived from <paramref name="key"/> and returns its signed URL.</summary>
    public async Task<string> PublishAsync(string key, NotificationFile file, CancellationToken cancellationToken)
    {
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
        var stored = JsonSerializer.Serialize(new StoredFile(file.FileName, file.ContentType, Convert.ToBase64String(file.Content)));
        await state.SetAsync(TrustedChannel, $"file:{id}", stored, cancellationToken).ConfigureAwait(false);
        var expires = (clock.GetUtcNow() + Validity).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{options.Value.PublicBaseUrl.TrimEnd('/')}/api/teams/files/{id}?exp={expires}&sig={Sign(id, expires)}";
    }

    /// <summary>The file when the signature is right and not expired; otherwise null.</summary>
    public async Task<NotificationFile?> OpenAsync(string id, string? expires, string? signature, CancellationToken cancellationToken)
    {
        if (expires is null || signature is null || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var unix)) return null;
        if (DateTimeOffset.FromUnixTimeSeconds(Math.Min(unix, 253402300799)) < clock.GetUtcNow()) return null;
        var expected = Encoding.ASCII.GetBytes(Sign(id, expires));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature))) return null;
        var stored = await state.GetAsync(TrustedChannel, $"file:{id}", cancellationToken).ConfigureAwait(false);
        if (stored is null) return null;
        var file = JsonSerializer.Deserialize<StoredFile>(stored)!;
        return new NotificationFile(file.Name, file.ContentType, Convert.FromBase64String(file.Base64));
    }

    private string Sign(string id, string expires)
    {
        var key = SHA256.HashData(Encoding.UTF8.GetBytes("chatopsbot-teams-file-links|" + options.Value.AppPassword));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}|{expires}")));
    }

    private const string TrustedChannel = "teams";

    private sealed record StoredFile(string Name, string ContentType, string Base64);
}
