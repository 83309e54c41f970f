using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using Villages.Baselines.Input;
using Villages.Baselines.Measuring;
using Villages.Domain.Catalog;
using Villages.Domain.Ingest;

namespace Villages.Baselines.Postgres;

/// <summary>What an ingest pass did: lines taken, refused and already there, its wall time, and each batch's acknowledgement time.</summary>
internal sealed record IngestResult(long Accepted, long Rejected, long Duplicates, int Batches, TimeSpan Elapsed, LatencySummary BatchAck);

/// <summary>
/// Ingest as a user would build it on PostgreSQL: each batch file is parsed with the domain's parser, its lines of
/// registered sellers get their village code, and the batch goes in as one binary COPY in one transaction; the commit
/// (synchronous_commit on) is the durable acknowledgement. <c>parallel</c> connections take batch files in turn.
/// </summary>
internal sealed class PostgresIngest(NpgsqlDataSource db, IReadOnlyDictionary<string, SellerRow> sellers)
{
    private const string Columns = "platform, sale_id, seller_id, village_code, time, product, category, quantity, weight_g, amount_fen, customer";

    private long _accepted;
    private long _rejected;
    private long _duplicates;

    public async Task<IngestResult> Run(IReadOnlyList<string> files, int parallel)
    {
        var next = -1;
        var acks = new ConcurrentBag<TimeSpan>();
        var started = Stopwatch.GetTimestamp();
        // One thread per connection with Npgsql's synchronous COPY API: per-row async calls would only add overhead here.
        var workers = Enumerable.Range(0, parallel).Select(_ => Task.Factory.StartNew(() =>
        {
            using var connection = db.OpenConnection();
            for (var i = Interlocked.Increment(ref next); i < files.Count; i = Interlocked.Increment(ref next))
            {
                var body = File.ReadAllBytes(files[i]);
                var t0 = Stopwatch.GetTimestamp();
                Ingest(connection, SaleBatches.Parse(files[i], body));
                acks.Add(Stopwatch.GetElapsedTime(t0));
            }
        }, TaskCreationOptions.LongRunning)).ToArray();
        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new IngestResult(_accepted, _rejected, _duplicates, files.Count, elapsed, LatencySummary.Of(acks)!);
    }

    private void Ingest(NpgsqlConnection connection, ParsedBatch batch)
    {
        var rows = new List<(SaleLine Line, string Village)>(batch.Lines.Count);
        foreach (var line in batch.Lines)
        {
            if (sellers.TryGetValue(line.SellerId, out var seller))
            {
                rows.Add((line, seller.VillageCode));
            }
        }

        Interlocked.Add(ref _rejected, batch.Rejected + batch.Lines.Count - rows.Count);
        if (rows.Count == 0)
        {
            return;
        }

        try
        {
            using var transaction = connection.BeginTransaction();
            Copy(connection, "baseline.sales", rows);
            transaction.Commit();
            Interlocked.Add(ref _accepted, rows.Count);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // A resent batch: COPY takes all or nothing, so go through a staging table and keep only the new keys.
            var taken = IngestSkippingDuplicates(connection, rows);
            Interlocked.Add(ref _accepted, taken);
            Interlocked.Add(ref _duplicates, rows.Count - taken);
        }
    }

    private static int IngestSkippingDuplicates(NpgsqlConnection connection, List<(SaleLine Line, string Village)> rows)
    {
        using var transaction = connection.BeginTransaction();
        using (var staging = new NpgsqlCommand(
            "CREATE TEMP TABLE IF NOT EXISTS sales_staging (LIKE baseline.sales) ON COMMIT DELETE ROWS", connection, transaction))
        {
            staging.ExecuteNonQuery();
        }

        Copy(connection, "sales_staging", rows);
        using var insert = new NpgsqlCommand(
            "INSERT INTO baseline.sales SELECT DISTINCT ON (platform, sale_id) * FROM sales_staging ON CONFLICT DO NOTHING",
            connection,
            transaction);
        var taken = insert.ExecuteNonQuery();
        transaction.Commit();
        return taken;
    }

    private static void Copy(NpgsqlConnection connection, string table, List<(SaleLine Line, string Village)> rows)
    {
        using var copy = connection.BeginBinaryImport($"COPY {table} ({Columns}) FROM STDIN (FORMAT BINARY)");
        foreach (var (line, village) in rows)
        {
            copy.StartRow();
            copy.Write(CatalogNames.Name(line.Platform), NpgsqlDbType.Text);
            copy.Write(line.SaleId, NpgsqlDbType.Text);
            copy.Write(line.SellerId, NpgsqlDbType.Text);
            copy.Write(village, NpgsqlDbType.Text);
            // timestamptz takes UTC instants; the CST day is computed in the queries.
            copy.Write(line.Time.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            copy.Write(line.Product, NpgsqlDbType.Text);
            copy.Write(CatalogNames.Name(line.Category), NpgsqlDbType.Text);
            copy.Write(line.Quantity, NpgsqlDbType.Bigint);
            copy.Write(line.WeightGrams, NpgsqlDbType.Bigint);
            copy.Write(line.AmountFen, NpgsqlDbType.Bigint);
            copy.Write(line.Customer, NpgsqlDbType.Text);
        }

        copy.Complete();
    }
}
