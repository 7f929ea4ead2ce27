using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace ChatOpsBot.Connectors.Http;

/// <summary>Accepts a server certificate that chains to one private CA when the system store alone does not trust it.</summary>
internal static class CustomCaTrust
{
    public static RemoteCertificateValidationCallback For(X509Certificate2 ca) =>
        (_, certificate, _, errors) => IsTrusted(ca, certificate, errors);

    public static X509Certificate2 Load(string path) => X509CertificateLoader.LoadCertificateFromFile(path);

    internal static bool IsTrusted(X509Certificate2 ca, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None) return true;
        // A wrong host name or a missing certificate is never excused by a private CA; only the chain is.
        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is null) return false;

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        // Private CAs seldom publish revocation lists; an online check would fail every handshake.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}
