using System.Diagnostics;
using System.Text;

namespace Villages.Process.Tests;

/// <summary>One of the project's programs run as an operator runs it (`dotnet X.dll …`), with its output kept for failures.</summary>
public sealed class ChildProcess : IDisposable
{
    private readonly System.Diagnostics.Process _process;
    private readonly StringBuilder _output = new();

    private ChildProcess(System.Diagnostics.Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="project">The project under src/, e.g. Villages.Silo.</param>
    /// <param name="assembly">Its entry assembly, e.g. Villages.Silo.dll.</param>
    public static ChildProcess Start(string project, string assembly, params string[] args)
    {
        var dll = Build(project, assembly);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new ChildProcess(System.Diagnostics.Process.Start(start)!);
    }

    public async Task<int> WaitForExit(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, exactly what a crash leaves behind.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    public static int FreePort() => Villages.Tests.Shared.LoopbackPorts.Next();

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static string Build(string project, string assembly)
    {
        // This test's output is tests/Villages.Process.Tests/bin/<Configuration>/<tfm>/; the programs' are alongside in src/.
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Villages.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var dll = Path.Combine(root!.FullName, "src", project, "bin", configuration, framework, assembly);
        Assert.True(File.Exists(dll), $"{project} is not built at {dll}");
        return dll;
    }
}
