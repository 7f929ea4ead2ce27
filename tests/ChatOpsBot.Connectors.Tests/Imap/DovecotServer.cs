using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace ChatOpsBot.Connectors.Tests.Imap;

/// <summary>
/// A real Dovecot IMAP server on 127.0.0.1 and a free port, configured in a temp directory (passwd-file users
/// alice/bob (and the demo's jdoe/asmith/bwayne), master user admin, Maildir storage), started as a child process for the test class and killed after.
/// Mails are delivered with IMAP APPEND, exactly as a delivery agent would leave them in the mailbox.
/// </summary>
public sealed class DovecotServer : IAsyncLifetime
{
    public const string MasterUser = "admin";
    public const string MasterPassword = "m4ster-secret";

    public static readonly IReadOnlyDictionary<string, string> Passwords = new Dictionary<string, string>
    {
        ["alice"] = "alice-secret-pw",
        ["bob"] = "bob-secret-pw",
        ["dave"] = "dave-secret-pw",
        // The users of samples/assets/inventory.csv that have mailboxes in samples/mailboxes (the end-to-end demo run).
        ["jdoe"] = "jdoe-secret-pw",
        ["asmith"] = "asmith-secret-pw",
        ["bwayne"] = "bwayne-secret-pw",
    };

    private Process? _process;
    private readonly StringBuilder _output = new();

    public string Root { get; } = Directory.CreateTempSubdirectory("chatopsbot-dovecot-").FullName;

    public int Port { get; private set; }

    /// <summary>The dovecot binary, or null when it is not installed (tests then skip).</summary>
    public static string? Binary { get; } = FindBinary();

    public async Task InitializeAsync()
    {
        if (Binary is null)
            return;

        Port = FreePort();
        WriteConfiguration();
        _process = Process.Start(new ProcessStartInfo(Binary, ["-F", "-c", Path.Combine(Root, "dovecot.conf")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilListeningAsync();
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Dovecot children may still hold a file for a moment; a leftover temp folder is harmless.
        }

        return Task.CompletedTask;
    }

    /// <summary>Delivers <paramref name="message"/> into the user's INBOX with the given arrival time; returns its UID.</summary>
    public async Task<UniqueId> DeliverAsync(string user, MimeMessage message, DateTimeOffset arrived)
    {
        using var client = await LoginAsync(user);
        var uid = await client.Inbox.AppendAsync(new AppendRequest(message, MessageFlags.None, arrived));
        await client.DisconnectAsync(true);
        return uid ?? throw new InvalidOperationException("Dovecot did not return APPENDUID");
    }

    /// <summary>Flags of every message in the user's INBOX, read with a separate session.</summary>
    public async Task<IReadOnlyList<MessageFlags>> FlagsAsync(string user)
    {
        using var client = await LoginAsync(user);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var items = await client.Inbox.FetchAsync(0, -1, MessageSummaryItems.Flags);
        await client.DisconnectAsync(true);
        return [.. items.Select(i => i.Flags ?? MessageFlags.None)];
    }

    public async Task<uint> UidValidityAsync(string user)
    {
        using var client = await LoginAsync(user);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var validity = client.Inbox.UidValidity;
        await client.DisconnectAsync(true);
        return validity;
    }

    private async Task<ImapClient> LoginAsync(string user)
    {
        var client = new ImapClient { Timeout = 10_000 };
        await client.ConnectAsync("127.0.0.1", Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(user, Passwords[user]);
        return client;
    }

    private void WriteConfiguration()
    {
        var mail = Directory.CreateDirectory(Path.Combine(Root, "mail")).FullName;
        var run = Directory.CreateDirectory(Path.Combine(Root, "run")).FullName;
        File.WriteAllLines(Path.Combine(Root, "users"), Passwords.Select(p => $"{p.Key}:{{PLAIN}}{p.Value}::::::"));
        File.WriteAllText(Path.Combine(Root, "masters"), $"{MasterUser}:{{PLAIN}}{MasterPassword}::::::\n");

        // As root (CI), Dovecot refuses to run its login and mail processes as root: use the accounts the
        // package creates and let them into the temp directory. As an ordinary user, everything runs as that user.
        string loginUser, internalUser, mailUser;
        if (!OperatingSystem.IsWindows() && Environment.UserName == "root")
        {
            (loginUser, internalUser, mailUser) = ("dovenull", "dovecot", "dovecot");
            File.SetUnixFileMode(Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            File.SetUnixFileMode(mail, (UnixFileMode)0b111_111_111);
        }
        else
        {
            loginUser = internalUser = mailUser = Environment.UserName;
        }

        var conf = $$"""
            protocols = imap
            listen = 127.0.0.1
            base_dir = {{run}}
            state_dir = {{run}}/state
            instance_name = chatopsbot-test-{{Port}}
            log_path = /dev/stderr
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            auth_master_user_separator = *
            mail_location = maildir:{{mail}}/%u
            default_internal_user = {{internalUser}}
            default_internal_group = {{internalUser}}
            default_login_user = {{loginUser}}
            first_valid_uid = 0
            mail_uid = {{mailUser}}
            mail_gid = {{mailUser}}
            service imap-login {
              chroot =
              inet_listener imap {
                address = 127.0.0.1
                port = {{Port}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            service anvil {
              chroot =
            }
            passdb {
              driver = passwd-file
              master = yes
              args = scheme=PLAIN {{Root}}/masters
            }
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{Root}}/users
            }
            userdb {
              driver = static
              args = uid={{mailUser}} gid={{mailUser}} home={{mail}}/%u
            }
            """;
        File.WriteAllText(Path.Combine(Root, "dovecot.conf"), conf);
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (_process!.HasExited)
                throw new InvalidOperationException($"dovecot exited with {_process.ExitCode}: {Output()}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
            catch (SocketException e)
            {
                throw new InvalidOperationException($"dovecot did not listen on {Port}: {Output()}", e);
            }
        }
    }

    private string Output()
    {
        lock (_output)
            return _output.ToString();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static string? FindBinary()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin")
            .Append("/usr/local/sbin")
            .Select(dir => Path.Combine(dir, "dovecot"))
            .FirstOrDefault(File.Exists);
    }
}
