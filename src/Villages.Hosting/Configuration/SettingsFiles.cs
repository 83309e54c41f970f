using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Villages.Hosting.Configuration;

/// <summary>The settings file of a mode in silo-config/ is the base layer; appsettings, environment and command line override it.</summary>
public static class SettingsFiles
{
    public static JsonConfigurationSource For(string fileName) => new()
    {
        Path = Path.Combine("silo-config", fileName),
        Optional = false,
        FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
    };
}
