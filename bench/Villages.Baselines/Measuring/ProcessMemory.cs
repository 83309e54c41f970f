namespace Villages.Baselines.Measuring;

/// <summary>Memory figures of one process from <c>/proc/PID/status</c>, in bytes.</summary>
internal readonly record struct ProcessMemory(long HighWaterBytes, long RssAnonBytes, long RssShmemBytes)
{
    /// <summary>Reads a process's status; null when it has gone or /proc is not readable (not Linux, another host).</summary>
    public static ProcessMemory? Read(int pid) => Read($"/proc/{pid}/status");

    public static ProcessMemory? Self() => Read("/proc/self/status");

    private static ProcessMemory? Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        long hwm = 0, anon = 0, shmem = 0;
        foreach (var line in lines)
        {
            hwm = line.StartsWith("VmHWM:", StringComparison.Ordinal) ? Kilobytes(line) : hwm;
            anon = line.StartsWith("RssAnon:", StringComparison.Ordinal) ? Kilobytes(line) : anon;
            shmem = line.StartsWith("RssShmem:", StringComparison.Ordinal) ? Kilobytes(line) : shmem;
        }

        return new ProcessMemory(hwm, anon, shmem);
    }

    // "VmHWM:     12345 kB"
    private static long Kilobytes(string line) =>
        long.Parse(line.AsSpan(line.IndexOf(':') + 1).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture) * 1024;

    /// <summary>The parent of a process, from the PPid line of its status; null if it cannot be read.</summary>
    public static int? ParentOf(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("PPid:", StringComparison.Ordinal));
            return line is null ? null : int.Parse(line.AsSpan(5).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The live children of a process (PostgreSQL's backends and workers are the postmaster's direct children).</summary>
    public static IEnumerable<int> ChildrenOf(int parent)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && ParentOf(pid) == parent)
            {
                yield return pid;
            }
        }
    }
}
