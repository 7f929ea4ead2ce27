using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatOpsBot.Teams.Tests.Fakes;

/// <summary>
/// Mints Bot Framework Emulator tokens: issued by the botframework.com AAD tenant (v1 <c>sts.windows.net</c>, v2
/// <c>login.microsoftonline.com/.../v2.0</c>), audience = the bot's app id, the caller's app id in <c>appid</c> (v1) or
/// <c>azp</c> (v2), and never a <c>serviceurl</c> claim.
/// </summary>
internal static class EmulatorTokens
{
    public const string BotFrameworkTenant = "d6d49420-f39b-4df7-a1dc-d59a935871db";
    public const string V1Issuer = $"https://sts.windows.net/{BotFrameworkTenant}/";
    public const string V2Issuer = $"https://login.microsoftonline.com/{BotFrameworkTenant}/v2.0";

    public static string Create(SigningKey key, string issuer = V1Issuer, string audience = FakeBotFramework.AppId,
        string caller = FakeBotFramework.AppId, string? version = null)
    {
        var v2 = issuer.EndsWith("/v2.0", StringComparison.Ordinal);
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(59),
            Subject = new ClaimsIdentity(
            [
                new Claim(v2 ? "azp" : "appid", caller),
                new Claim("ver", version ?? (v2 ? "2.0" : "1.0")),
                new Claim("tid", BotFrameworkTenant),
            ]),
            SigningCredentials = new SigningCredentials(key.SecurityKey, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>Turns <paramref name="fake"/> into the Emulator's tenant: its metadata then publishes only <paramref name="key"/>.</summary>
    public static void PublishOnly(FakeBotFramework fake, SigningKey key)
    {
        lock (fake.Keys)
        {
            fake.Keys.Clear();
            fake.Keys.Add(key);
        }
    }
}
