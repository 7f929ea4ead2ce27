using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Imap;

/// <summary>
/// Opens an authenticated IMAP connection for one user: one connection per call, so a broken connection never
/// outlives the step that saw it. Every failure becomes an <see cref="ImapMailboxException"/> naming the server and
/// the user, never the password.
/// </summary>
internal sealed class ImapSessions(IOptions<ImapOptions> options)
{
    private readonly ImapOptions _options = options.Value;
    private readonly X509Certificate2Collection? _trustedCas = LoadCas(options.Value.CaCertificateFile);

    public string Server => $"{_options.Host}:{_options.EffectivePort}";

    public string DefaultCheckUser => _options.CheckUser ?? _options.Passwords.Keys.FirstOrDefault() ?? "";

    public async Task<ImapClient> OpenAsync(string user, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        var login = string.Format(CultureInfo.InvariantCulture, _options.LoginFormat, user);
        string loginName, password;
        if (_options.UsesMasterUser)
        {
            loginName = login + _options.MasterSeparator + _options.MasterUser;
            password = _options.MasterPassword!;
        }
        else if (_options.Passwords.TryGetValue(user, out var own))
        {
            loginName = login;
            password = own;
        }
        else
        {
            throw new ImapMailboxException($"No IMAP password is configured for '{user}': set Imap:Passwords:{user} or a master user (Imap:MasterUser).");
        }

        var client = new ImapClient { Timeout = _options.TimeoutSeconds * 1000 };
        if (_trustedCas is not null)
            client.ServerCertificateValidationCallback = TrustConfiguredCa;
        try
        {
            await client.ConnectAsync(_options.Host, _options.EffectivePort, SocketOptions(), cancellationToken).ConfigureAwait(false);
            await client.AuthenticateAsync(loginName, password, cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch (AuthenticationException e)
        {
            client.Dispose();
            throw new ImapMailboxException($"IMAP server {Server} refused the login for '{user}' ({(_options.UsesMasterUser ? "master user " + _options.MasterUser : "own password")}).", e);
        }
        catch (Exception e) when (IsTransport(e))
        {
            client.Dispose();
            throw new ImapMailboxException($"IMAP server {Server} could not be reached: {e.Message}", e);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>True for the errors of a network conversation (as opposed to programming errors).</summary>
    public static bool IsTransport(Exception e) =>
        e is SocketException or IOException or TimeoutException or SslHandshakeException or ImapProtocolException
            or ImapCommandException or ProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException;

    private SecureSocketOptions SocketOptions() => _options.Security switch
    {
        ImapSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        ImapSecurity.StartTls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.None,
    };

    private bool TrustConfiguredCa(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
            return true;
        // Only a chain problem may be forgiven, and only when the configured CA anchors it; a wrong host name never is.
        if (certificate is null || errors != SslPolicyErrors.RemoteCertificateChainErrors)
            return false;
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_trustedCas!);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements)
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
        }

        return custom.Build(new X509Certificate2(certificate));
    }

    private static X509Certificate2Collection? LoadCas(string? file)
    {
        if (string.IsNullOrEmpty(file))
            return null;
        var cas = new X509Certificate2Collection();
        cas.ImportFromPemFile(file);
        return cas;
    }
}
