using Villages.Baselines;
using Villages.Baselines.Memory;
using Villages.Baselines.Postgres;
using Villages.Baselines.Reporting;
using Villages.Baselines.Summary;

if (args is ["summarize", "--results", var folder])
{
    Console.Write(ResultsTable.Build(folder));
    return 0;
}

Options options;
try
{
    options = Options.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Options.Usage);
    return 2;
}

try
{
    // Progress goes to stderr so stdout holds only the summary.
    var report = options.Baseline == "postgres"
        ? await PostgresBaseline.Run(options, Console.Error)
        : await MemoryBaseline.Run(options, Console.Error);
    ReportWriter.WriteSummary(report, Console.Out);
    if (options.JsonPath is { } path)
    {
        await ReportWriter.WriteJson(report, path);
    }

    return 0;
}
catch (Exception e) when (e is InvalidDataException or IOException or Npgsql.NpgsqlException)
{
    Console.Error.WriteLine($"{options.Baseline} baseline failed: {e.Message}");
    return 1;
}
