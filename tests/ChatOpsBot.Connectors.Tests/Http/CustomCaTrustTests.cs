using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChatOpsBot.Connectors.Otx;
using ChatOpsBot.Connectors.Tests.TestSupport;
using ChatOpsBot.Core.Intel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Tests.Http;

/// <summary>
/// <c>Otx:Http:CaCertificatePath</c> against a real HTTPS server (Kestrel on 127.0.0.1) whose certificate is signed by
/// a private CA made at test time: the CA is trusted when configured, nothing else is relaxed.
/// </summary>
public sealed class CustomCaTrustTests : IAsyncLifetime
{
    private const string Key = "otx-test-key-ca";
    private const string General = """
        {"indicator":"203.0.113.7","type":"IPv4","validation":[],"pulse_info":{"count":1,"pulses":[
          {"id":"5f1a","name":"Emotet epoch 5 C2","tags":["emotet"],"malware_families":["Emotet"],"references":[]}]}}
        """;

    private readonly TempDirectory _temp = new();
    private readonly List<IAsyncDisposable> _servers = [];
    private readonly List<ServiceProvider> _providers = [];
    private readonly X509Certificate2 _ca;
    private readonly string _caPem;

    public CustomCaTrustTests()
    {
        _ca = TestCa.CreateCa("CN=ChatOpsBot Test Private CA");
        // The CA certificate only, as an operator would ship it: PEM, no private key.
        _caPem = _temp.File("private-ca.pem", _ca.ExportCertificatePem());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers) await provider.DisposeAsync();
        foreach (var server in _servers) await server.DisposeAsync();
        _ca.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void CaPem_HoldsNoPrivateKey()
    {
        var pem = File.ReadAllText(_caPem);
        Assert.Contains("-----BEGIN CERTIFICATE-----", pem, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", pem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaConfigured_ServerSignedByIt_LookupSucceeds()
    {
        var server = await StartServerAsync(TestCa.CreateServer(_ca, "localhost", IPAddress.Loopback));

        var intel = await Intel(server, ("Otx:Http:CaCertificatePath", _caPem)).LookupIpAsync(IPAddress.Parse("203.0.113.7"), CancellationToken.None);

        Assert.Equal(Verdict.Malicious, intel.Verdict);
        Assert.Equal("5f1a", Assert.Single(intel.Pulses).Id);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task NoCaConfigured_ServerSignedByPrivateCa_ThrowsTypedFailure_CertificateNotTrusted()
    {
        var server = await StartServerAsync(TestCa.CreateServer(_ca, "localhost", IPAddress.Loopback));

        var error = await Assert.ThrowsAsync<OtxException>(() => Intel(server).LookupIpAsync(IPAddress.Parse("203.0.113.7"), CancellationToken.None));

        Assert.Equal("OTX", error.Connector);
        Assert.Contains(Chain(error), e => e is AuthenticationException);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task CaConfigured_ServerCertificateForAnotherHost_ThrowsTypedFailure_HostNameCheckStaysOn()
    {
        // Signed by the trusted CA, but named for somebody else: the CA must not excuse the name.
        var server = await StartServerAsync(TestCa.CreateServer(_ca, "other.example", IPAddress.Parse("192.0.2.10")));

        var error = await Assert.ThrowsAsync<OtxException>(() =>
            Intel(server, ("Otx:Http:CaCertificatePath", _caPem)).LookupIpAsync(IPAddress.Parse("203.0.113.7"), CancellationToken.None));

        Assert.Contains(Chain(error), e => e is AuthenticationException);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task CaConfigured_ServerSignedByAnotherCa_ThrowsTypedFailure()
    {
        using var otherCa = TestCa.CreateCa("CN=Some Other CA");
        var server = await StartServerAsync(TestCa.CreateServer(otherCa, "localhost", IPAddress.Loopback));

        var error = await Assert.ThrowsAsync<OtxException>(() =>
            Intel(server, ("Otx:Http:CaCertificatePath", _caPem)).LookupIpAsync(IPAddress.Parse("203.0.113.7"), CancellationToken.None));

        Assert.Contains(Chain(error), e => e is AuthenticationException);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public void CaPathThatDoesNotExist_FailsOptionsValidationNamingTheKey()
    {
        var missing = Path.Combine(_temp.Path, "no-such-ca.pem");
        using var provider = new ServiceCollection()
            .AddOtxIntel(TestConfiguration.From(("Otx:ApiKey", Key), ("Otx:Http:CaCertificatePath", missing)))
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OtxOptions>>().Value);

        var failure = Assert.Single(error.Failures);
        Assert.Contains("Otx:Http:CaCertificatePath", failure, StringComparison.Ordinal);
        Assert.Contains(missing, failure, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException) yield return e;
    }

    private IThreatIntel Intel(OtxHttpsServer server, params (string Key, string? Value)[] settings)
    {
        var provider = new ServiceCollection()
            .AddOtxIntel(TestConfiguration.From(FastHttp.Merge(
            [
                ("Otx:BaseUrl", server.BaseAddress.ToString()), ("Otx:ApiKey", Key), .. FastHttp.For("Otx"),
                // A TLS refusal is final; retrying it only slows the test down.
                ("Otx:Http:MaxRetryAttempts", "0"), .. settings,
            ])))
            .BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<IThreatIntel>();
    }

    private async Task<OtxHttpsServer> StartServerAsync(X509Certificate2 certificate)
    {
        var server = await OtxHttpsServer.StartAsync(certificate, General);
        _servers.Add(server);
        return server;
    }

    /// <summary>Kestrel on 127.0.0.1 over HTTPS answering OTX's IPv4 general section.</summary>
    private sealed class OtxHttpsServer : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly X509Certificate2 _certificate;
        private int _requests;

        private OtxHttpsServer(WebApplication app, X509Certificate2 certificate)
        {
            _app = app;
            _certificate = certificate;
        }

        public Uri BaseAddress { get; private set; } = null!;
        public int Requests => Volatile.Read(ref _requests);

        public static async Task<OtxHttpsServer> StartAsync(X509Certificate2 certificate, string general)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
            var app = builder.Build();
            var server = new OtxHttpsServer(app, certificate);
            app.MapGet("/api/v1/indicators/IPv4/{ip}/general", (HttpRequest request) =>
            {
                Interlocked.Increment(ref server._requests);
                return request.Headers["X-OTX-API-KEY"] == Key
                    ? Results.Text(general, "application/json")
                    : Results.StatusCode(StatusCodes.Status403Forbidden);
            });
            await app.StartAsync();
            var port = new Uri(app.Urls.First()).Port;
            server.BaseAddress = new Uri($"https://127.0.0.1:{port}/");
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _certificate.Dispose();
        }
    }
}

/// <summary>A private CA and server certificates signed by it, made in memory (ECDSA P-256: fast to generate).</summary>
internal static class TestCa
{
    public static X509Certificate2 CreateCa(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
    }

    public static X509Certificate2 CreateServer(X509Certificate2 ca, string dnsName, IPAddress ip)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={dnsName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(dnsName);
        san.AddIpAddress(ip);
        request.CertificateExtensions.Add(san.Build());
        var now = DateTimeOffset.UtcNow;
        using var signed = request.Create(ca, now.AddHours(-1), now.AddDays(7), RandomNumberGenerator.GetBytes(16));
        using var withKey = signed.CopyWithPrivateKey(key);
        // Round-trip through PKCS#12 so the TLS stack gets a persisted, exportable key on every platform.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null);
    }
}
