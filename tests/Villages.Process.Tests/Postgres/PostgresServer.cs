using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Villages.Process.Tests.Postgres;

/// <summary>
/// A throwaway PostgreSQL 15 on 127.0.0.1, owned by the unprivileged postgres user (it refuses to run as root) in a
/// temp folder, with a `villages` database. `.ci/run` installs the binaries when a machine lacks them.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "villages-pg-" + Guid.NewGuid().ToString("N"));
    private string _bin = "";

    public int Port { get; } = FreePort();

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Database=villages;Username=postgres;Maximum Pool Size=20;Timeout=5";

    public async Task InitializeAsync()
    {
        _bin = FindBinaries();
        Directory.CreateDirectory(_folder);
        await Run("chown", "postgres:postgres", _folder);
        await Run("chmod", "700", _folder);
        await AsPostgres("initdb", "-D", _folder, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        await Start();
        await AsPostgres("createdb", "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "villages");
    }

    public Task Start() => AsPostgres(
        "pg_ctl", "-D", _folder, "-l", Path.Combine(_folder, "server.log"), "-w", "start",
        "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -k {_folder} -c max_connections=300 -c fsync=on");

    /// <summary>A fast shutdown: connections are cut, as when the database host goes away.</summary>
    public Task Stop() => AsPostgres("pg_ctl", "-D", _folder, "-m", "fast", "-w", "stop");

    public async Task DisposeAsync()
    {
        try
        {
            await AsPostgres("pg_ctl", "-D", _folder, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left under the temp path.
        }
    }

    private static string FindBinaries()
    {
        var bin = "/usr/lib/postgresql/15/bin";
        Assert.True(File.Exists(Path.Combine(bin, "initdb")), $"PostgreSQL 15 is not installed ({bin}/initdb is missing); .ci/run installs it with apt-get install postgresql-15");
        return bin;
    }

    private Task AsPostgres(string tool, params string[] args) => Run("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args]);

    private static async Task Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp" };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
