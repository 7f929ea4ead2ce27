using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace ChatOpsBot.TestSupport;

/// <summary>
/// A PostgreSQL server of a test's own (<c>initdb</c> into a temp directory, its own port), for tests that restart or
/// stop the server: the shared server the other tests use is never touched. Needs the PostgreSQL binaries
/// (<c>. .ci/postgres.sh</c> installs them); without them the test is skipped, or fails when CI requires PostgreSQL.
/// As root, the server runs as the <c>postgres</c> user (PostgreSQL refuses to run as root).
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _directory;
    private readonly string _data;
    private readonly bool _asPostgres;

    private ThrowawayPostgres(string bin, string directory, int port, bool asPostgres)
    {
        _bin = bin;
        _directory = directory;
        _data = Path.Combine(directory, "data");
        _asPostgres = asPostgres;
        Port = port;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Username = "chatopsbot", Database = "chatopsbot", Timeout = 5,
        }.ConnectionString;
    }

    public int Port { get; }

    /// <summary>The test database <c>chatopsbot</c> (trust authentication, loopback only).</summary>
    public string ConnectionString { get; }

    /// <summary>Creates, starts and fills the server with an empty <c>chatopsbot</c> database.</summary>
    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var required = Environment.GetEnvironmentVariable(PostgresTestDatabase.RequireVariable) == "1";
        var bin = FindBinaries();
        if (bin is null && required) throw new InvalidOperationException("PostgreSQL binaries (initdb, pg_ctl) not found: install postgresql (see .ci/postgres.sh).");
        Skip.If(bin is null, "PostgreSQL binaries (initdb, pg_ctl) not found; . .ci/postgres.sh installs them.");
        var asPostgres = Environment.UserName == "root";
        var directory = Path.Combine(Path.GetTempPath(), $"chatopsbot-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var server = new ThrowawayPostgres(bin!, directory, FreePort(), asPostgres);
        try
        {
            if (asPostgres) await RunAsync("chown", ["-R", "postgres:postgres", directory]);
            await server.PgAsync("initdb", ["-D", server._data, "-U", "chatopsbot", "--auth=trust", "-E", "UTF8", "--no-sync"]);
            await server.PgCtlAsync("start");
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE chatopsbot", connection);
            await create.ExecuteNonQueryAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Restarts the server (<c>pg_ctl restart -m fast</c>): every open connection is cut, as in a real restart.</summary>
    public Task RestartAsync() => PgCtlAsync("restart");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await PgAsync("pg_ctl", ["-D", _data, "-m", "immediate", "-w", "stop"]);
        }
        catch (InvalidOperationException)
        {
            // Not running (it failed to start); nothing to stop.
        }
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private Task PgCtlAsync(string verb) => PgAsync("pg_ctl", ["-D", _data, "-l", Path.Combine(_directory, "server.log"), "-m", "fast", "-w", "-t", "60",
        "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -k {_directory} -c fsync=off -c max_connections=200", verb]);

    private Task PgAsync(string tool, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(_bin, tool);
        return _asPostgres ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments]) : RunAsync(path, arguments);
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {await stderr}{await stdout}");
    }

    private static string? FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root)) return null;
        return Directory.GetDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
