namespace Villages.Cli.Reference;

/// <summary>Finds the project's silo-config folder, so the CLI works from the repository, its bin folder or a test run.</summary>
public static class ConfigFolder
{
    public const string Name = "silo-config";

    /// <summary>The explicit folder if given, else the first silo-config found walking up from the current and the app's directory.</summary>
    public static string Locate(string? explicitFolder = null)
    {
        if (explicitFolder is not null)
        {
            return IsConfig(explicitFolder)
                ? Path.GetFullPath(explicitFolder)
                : throw new DirectoryNotFoundException($"'{explicitFolder}' is not a silo-config folder (no divisions/townships.csv and poverty-832.csv in it).");
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, Name);
                if (IsConfig(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("No silo-config folder found above the current or the program's directory; pass --config-folder PATH.");
    }

    private static bool IsConfig(string folder) =>
        File.Exists(Path.Combine(folder, "divisions", "townships.csv")) && File.Exists(Path.Combine(folder, "poverty-832.csv"));
}
