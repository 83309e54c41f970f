namespace Villages.Cli.CommandLine;

internal static class Usage
{
    public const string Text = """
        villages — the Villages command line

        Usage:
          villages scenario --scale S [--url URL] [--seed N] [--config-folder PATH] [--villages PATH]
                            [--batch-size N] [--parallel N] [--dry-run]
          villages db init --connection-string CS [--config-folder PATH]
          villages help

        scenario   Generates the seed article's scenario at scale S (1.0 = the article's real figures, tens of
                   millions of lines; 1e-4 is small) and posts it through the HTTP API: the poverty-832
                   programme, every seller, sales and refunds in batches, other income, then settles. Prints
                   what was posted and the figures the API must now answer. Same seed and scale, same lines;
                   rerunning is safe (every line is idempotent).

        db init    Installs the cluster's schema in PostgreSQL (the journal, Orleans' grain storage and membership
                   tables with their queries) and imports the division names; idempotent. The connection string
                   may also come from the Villages__ConnectionString environment variable.

        Options:
          --scale S            fraction of the article's figures, 0.000001 to 2 (e.g. 1e-4)
          --url URL            the gateway (default http://localhost:5080)
          --seed N             the generator's seed (default 1)
          --config-folder PATH the silo-config folder (default: found above the current directory)
          --villages PATH      a villages CSV (or .csv.gz) of real 12-digit codes (default: synthesised)
          --batch-size N       lines per request, 1 to 5000 (default 5000)
          --parallel N         requests in flight (default 4)
          --dry-run            generate and print the plan and expected figures; post nothing

        Exit codes: 0 done, 1 the API refused or rejected something, 2 bad command line, 3 bad configuration.
        """;
}
