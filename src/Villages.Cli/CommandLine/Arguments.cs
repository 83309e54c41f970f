namespace Villages.Cli.CommandLine;

/// <summary>
/// The command line, read by hand: a command word, then <c>--name value</c> or <c>--name=value</c> options and
/// <c>--flag</c> switches. Unknown or repeated options are errors, so a typo never silently means a default.
/// </summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string?> _options;

    private Arguments(string command, Dictionary<string, string?> options)
    {
        Command = command;
        _options = options;
    }

    public string Command { get; }

    public static Arguments Parse(IReadOnlyList<string> args, IReadOnlySet<string> valued, IReadOnlySet<string> flags)
    {
        if (args.Count == 0)
        {
            return new Arguments("help", []);
        }

        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new UsageException($"unexpected argument '{arg}'");
            }

            var equals = arg.IndexOf('=');
            var name = equals < 0 ? arg[2..] : arg[2..equals];
            string? value = null;
            if (valued.Contains(name))
            {
                value = equals >= 0 ? arg[(equals + 1)..]
                    : i + 1 < args.Count ? args[++i]
                    : throw new UsageException($"--{name} needs a value");
            }
            else if (!flags.Contains(name) || equals >= 0)
            {
                throw new UsageException(flags.Contains(name) ? $"--{name} takes no value" : $"unknown option --{name}");
            }

            if (!options.TryAdd(name, value))
            {
                throw new UsageException($"--{name} is given twice");
            }
        }

        return new Arguments(args[0], options);
    }

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Value(string name) => _options.GetValueOrDefault(name);
}

/// <summary>A command line the CLI cannot run; the message says what is wrong and the usage follows it.</summary>
public sealed class UsageException(string message) : Exception(message);
