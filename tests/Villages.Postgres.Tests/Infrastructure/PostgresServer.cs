using System.Diagnostics;
using Npgsql;

namespace Villages.Postgres.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server: its own data folder, a free loopback port, trust authentication, gone on dispose.
/// The server runs as the <c>postgres</c> OS user when the tests run as root (PostgreSQL refuses to run as root).
/// Its time zone is China Standard Time on purpose: a timestamp written without its zone would come back shifted.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string ServiceUser = "postgres";

    private readonly string _bin = FindBinaries();
    private string _root = "";
    private string _data = "";

    public int Port { get; private set; }

    /// <summary>The connection string of the server's <c>postgres</c> database, for administration.</summary>
    public string AdminConnectionString => ConnectionStringFor("postgres");

    public async Task InitializeAsync()
    {
        _root = Directory.CreateTempSubdirectory("villages-pg-").FullName;
        _data = Path.Combine(_root, "data");
        if (RunsAsRoot)
        {
            await Run("chown", $"{ServiceUser}:{ServiceUser} {_root}");
        }

        await Run(Path.Combine(_bin, "initdb"), $"-D {_data} -U postgres --auth=trust -E UTF8 --locale=C.UTF-8", asServiceUser: true);
        Port = FreePort();
        await Start();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_data.Length > 0 && File.Exists(Path.Combine(_data, "postmaster.pid")))
        {
            await Run(Path.Combine(_bin, "pg_ctl"), $"-D {_data} -m immediate -w stop", asServiceUser: true);
        }

        if (_root.Length > 0)
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>Starts the server (again) on the same port and data folder.</summary>
    public Task Start() => Run(
        Path.Combine(_bin, "pg_ctl"),
        $"-D {_data} -l {Path.Combine(_root, "server.log")} -w " +
        $"-o \"-p {Port} -c listen_addresses=127.0.0.1 -k {_root} -c timezone=Asia/Shanghai -c fsync=off -c max_connections=300\" start",
        asServiceUser: true);

    /// <summary>Stops the server at once, as a crash would (uncommitted transactions are lost, connections drop).</summary>
    public Task Stop()
    {
        NpgsqlConnection.ClearAllPools();
        return Run(Path.Combine(_bin, "pg_ctl"), $"-D {_data} -m immediate -w stop", asServiceUser: true);
    }

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        // The silos, the client and the tests share this server; keep their pools well under max_connections.
        MaxPoolSize = 20,
    }.ConnectionString;

    /// <summary>
    /// Creates an empty database and returns its connection string. With <paramref name="icuLocale"/>, its default
    /// collation is that ICU locale: a linguistic order, in which '~' sorts before the digits.
    /// </summary>
    public async Task<string> CreateDatabase(string name, string? icuLocale = null)
    {
        await using var c = new NpgsqlConnection(AdminConnectionString);
        await c.OpenAsync();
        var locale = icuLocale is null ? "" : $" TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '{icuLocale}'";
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}{locale}", c);
        await cmd.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    private static bool RunsAsRoot => Environment.UserName == "root";

    private static string FindBinaries()
    {
        const string debian = "/usr/lib/postgresql/15/bin";
        if (File.Exists(Path.Combine(debian, "initdb")))
        {
            return debian;
        }

        try
        {
            using var pgConfig = System.Diagnostics.Process.Start(new ProcessStartInfo("pg_config", "--bindir") { RedirectStandardOutput = true })!;
            var bin = pgConfig.StandardOutput.ReadToEnd().Trim();
            pgConfig.WaitForExit();
            if (File.Exists(Path.Combine(bin, "initdb")))
            {
                return bin;
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No pg_config on the PATH: fall through to the message below.
        }

        throw new InvalidOperationException(
            "PostgreSQL 15 server binaries were not found (looked in /usr/lib/postgresql/15/bin and `pg_config --bindir`). " +
            "These tests need a real server: install it (Debian/Ubuntu: apt-get install postgresql-15).");
    }

    private static int FreePort() => Villages.Tests.Shared.LoopbackPorts.Next();

    private static async Task Run(string file, string arguments, bool asServiceUser = false)
    {
        var start = asServiceUser && RunsAsRoot
            ? new ProcessStartInfo("runuser", $"-u {ServiceUser} -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`{start.FileName} {start.Arguments}` exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }
}
