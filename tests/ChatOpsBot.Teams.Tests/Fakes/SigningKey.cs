using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace ChatOpsBot.Teams.Tests.Fakes;

/// <summary>A test RSA key as the Bot Framework publishes it: kid, modulus, exponent and endorsements.</summary>
internal sealed class SigningKey(string kid, params string[] endorsements)
{
    private readonly RSA _rsa = RSA.Create(2048);

    public string Kid { get; } = kid;
    public string[] Endorsements { get; } = endorsements;
    public RsaSecurityKey SecurityKey => new(_rsa) { KeyId = Kid };

    public object Jwk()
    {
        var p = _rsa.ExportParameters(false);
        return new { kty = "RSA", use = "sig", kid = Kid, n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent), endorsements = Endorsements };
    }
}
