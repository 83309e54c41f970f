using System.Diagnostics;
using Npgsql;
using Villages.Baselines.Input;
using Villages.Baselines.Measuring;
using Villages.Baselines.Queries;
using Villages.Baselines.Reporting;

namespace Villages.Baselines.Postgres;

/// <summary>
/// Baseline (c): plain PostgreSQL. Fresh tables, ingest every batch file (with the query probe running if asked),
/// ANALYZE, then the idle queries, the freshness probe and the memory peak.
/// </summary>
internal static class PostgresBaseline
{
    public static async Task<BaselineReport> Run(Options options, TextWriter log)
    {
        var sellers = SellerTable.Read(options.Input);
        var files = SaleBatches.Files(options.Input);
        log.WriteLine($"{sellers.Count:N0} sellers, {files.Count:N0} batch files; scanning for the busiest county and village");
        var targets = TargetScan.Run(files, sellers);
        log.WriteLine($"targets: county {targets.County} in {targets.Year}, village {targets.Village}");

        // Pool sized for the ingest connections plus the probe's and the measuring ones; no timeout: a national query over
        // hundreds of millions of rows may take longer than 30 s, and that is a result, not an error.
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString) { MaxPoolSize = options.Parallel + 8, CommandTimeout = 0 };
        await using var db = NpgsqlDataSource.Create(builder.ConnectionString);
        await using var sampler = new PeakMemorySampler(await Postmaster(db), TimeSpan.FromMilliseconds(250));
        await PostgresSchema.Create(db, sellers);
        var queries = new PostgresQueries(db);

        log.WriteLine($"ingesting with {options.Parallel} connections"
            + (options.ProbeQueriesPerSecond > 0 ? $", queries at {options.ProbeQueriesPerSecond} a second" : ""));
        var probe = options.ProbeQueriesPerSecond > 0 ? new LoadProbe(queries, targets, options.ProbeQueriesPerSecond) : null;
        var ingest = await new PostgresIngest(db, sellers).Run(files, options.Parallel);
        var underLoad = probe is null ? null : await probe.Stop();
        if (probe is not null)
        {
            await probe.DisposeAsync();
        }

        log.WriteLine($"ingested {ingest.Accepted:N0} lines in {ingest.Elapsed.TotalSeconds:F2} s; ANALYZE, then idle queries");
        var analyze = await Analyze(db);
        var (latencies, answers) = await IdleQueries.Measure(queries, targets, options);
        log.WriteLine("freshness probe");
        var freshness = await FreshnessProbe.Measure(db, queries, targets.Village, options.FreshnessProbes, options.QueryBudget);
        var peak = sampler.Peak();
        return new BaselineReport
        {
            Baseline = "postgres",
            Input = options.Input,
            Batches = ingest.Batches,
            Lines = ingest.Accepted,
            Rejected = ingest.Rejected,
            Duplicates = ingest.Duplicates,
            IngestSeconds = ingest.Elapsed.TotalSeconds,
            IngestLinesPerSecond = ingest.Accepted / ingest.Elapsed.TotalSeconds,
            BatchAck = ingest.BatchAck,
            Parallel = options.Parallel,
            ProbeQueriesPerSecond = options.ProbeQueriesPerSecond > 0 ? options.ProbeQueriesPerSecond : null,
            Targets = targets,
            Queries = latencies,
            QueriesUnderLoad = underLoad,
            Freshness = freshness,
            PeakMemoryBytes = peak.SumOfHighWaterBytes,
            PeakMemorySharedCountedOnceBytes = peak.SharedCountedOnceBytes,
            PeakMemoryNote = peak.Note,
            Server = await Facts(db, analyze),
            Answers = answers,
        };
    }

    /// <summary>
    /// The postmaster is the parent of our backend. Null when that process is not a local PostgreSQL (a server on
    /// another host or in another PID namespace), so the memory figure is never some unrelated process's.
    /// </summary>
    private static async Task<int?> Postmaster(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("SELECT pg_backend_pid()");
        var backend = (int)(await command.ExecuteScalarAsync())!;
        if (ProcessMemory.ParentOf(backend) is not { } parent)
        {
            return null;
        }

        try
        {
            var name = (await File.ReadAllTextAsync($"/proc/{parent}/comm")).Trim();
            return name is "postgres" or "postmaster" ? parent : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static async Task<TimeSpan> Analyze(NpgsqlDataSource db)
    {
        // What autovacuum would do shortly anyway; timed queries should not depend on when it happened to run.
        var t0 = Stopwatch.GetTimestamp();
        await using var command = db.CreateCommand("ANALYZE baseline.sales");
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
        return Stopwatch.GetElapsedTime(t0);
    }

    private static async Task<ServerFacts> Facts(NpgsqlDataSource db, TimeSpan analyze)
    {
        await using var command = db.CreateCommand("""
            SELECT version(), current_setting('synchronous_commit'), current_setting('fsync'), current_setting('shared_buffers'),
                   current_setting('max_parallel_workers_per_gather'), current_setting('work_mem'),
                   pg_total_relation_size('baseline.sales')
            """);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new ServerFacts(
            reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
            PostgresSchema.Indexes, reader.GetInt64(6), analyze.TotalSeconds);
    }
}
