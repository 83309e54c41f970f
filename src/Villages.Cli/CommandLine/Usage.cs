namespace Villages.Cli.CommandLine;

internal static class Usage
{
    public const string Text = """
        villages — the Villages command line

        Usage:
          villages scenario --scale S [--url URL] [--seed N] [--config-folder PATH] [--villages PATH]
                            [--batch-size N] [--parallel N] [--dry-run] [--verify]
          villages load [--url URL] [--seed N] [--run TAG] [--sellers N] [--villages PATH] [--config-folder PATH]
                        [--year Y] [--count N] [--duration SECONDS] [--rate LINES_PER_S] [--batch-size N]
                        [--parallel N] [--skip-register] [--probe-queries RATE] [--probe-freshness N]
                        [--json PATH] [--save DIR [--no-post]] [--queries-only]
          villages db init --connection-string CS [--config-folder PATH]
          villages help

        scenario   Generates the seed article's scenario at scale S (1.0 = the article's real figures, tens of
                   millions of lines; 1e-4 is small) and posts it through the HTTP API: the poverty-832
                   programme, every seller, sales and refunds in batches, other income, then settles. Prints
                   what was posted and the figures the API must now answer. Same seed and scale, same lines;
                   rerunning is safe (every line is idempotent).

        load       A load generator for benchmarks. Places --sellers sellers in real villages (spread out; once
                   there are as many sellers as villages, every village has one) and registers them, timed on
                   its own. Then posts their sales to POST /api/sales in JSON-array batches, --parallel requests
                   in flight, flat out or paced to --rate, for --count lines or --duration seconds. Sales look
                   real: a few sellers sell most (Zipf), times over --year in CST with Double-11 (Nov 11) and
                   618 (Jun 18) peaks, several platforms, categories and products, repeat buyers from a large
                   pool, amounts in whole fen. The bodies are made before the clock starts (up to 512 MB of
                   them; longer runs make the rest while posting). A progress line every 2 s; at the end
                   lines accepted, duplicate and rejected, elapsed time, lines/s and batch latency
                   p50/p90/p99/max. Same --seed, same sellers and lines; the --run tag is in every sale id, so
                   repeating a run is all duplicates and a new tag adds new lines.
                   The three benchmark queries (--probe-queries, --queries-only), for the county and the
                   village with most sales in the plan and Y the --year:
                     national total    GET /api/regions/CN
                     county series     GET /api/regions/{county}/series?from=Y-01-01&to=Y+1-01-01&interval=day
                     village children  GET /api/regions/{village}/children?sort=net&top=10

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
          --verify             after posting, read every expected figure back through the API and compare
                               (money, items and weight exact; customers within 2%); exit 1 on a mismatch

        Load options (--url, --seed, --config-folder and --parallel as above; --seed 0 or more):
          --run TAG            a lowercase slug in every sale id and probe product (default 1)
          --sellers N          sellers, 1 to 10000000 (default 10000); ids load-{seed}-1 … (1 sells most)
          --villages PATH      the nationwide villages.csv(.gz); default: 15 synthesised villages per real
                               rural township (township code + 200 … 214)
          --year Y             the CST year of the sales, 2000 to 2098 (default 2017)
          --count N            lines to post (default 100000; with --queries-only, queries, default 300)
          --duration SECONDS   post (or query) for this long; with --count, whichever ends first
          --rate LINES_PER_S   pace the batches to this many lines a second (default: flat out)
          --batch-size N       lines per request, 1 to 10000 (default 5000)
          --skip-register      the sellers are registered already: post at once (a freshness probe still
                               registers its own seller)
          --probe-queries RATE while posting, ask the three queries round-robin, one at a time, RATE a
                               second; prints each one's count, errors and p50/p99/max latency
          --probe-freshness N  N probes spread over the run: each a one-line sale of its own product
                               (probe-{seed}-{run}-{k}, by seller load-{seed}-probe), timed from its 200 until
                               GET /api/regions/CN/series?…&interval=year&product=… counts it (polled every
                               10 ms, shared by probes waiting together; given up after 60 s); prints
                               p50/p99/max
          --queries-only       post nothing: ask the three queries back to back (or at --probe-queries RATE)
                               for --count queries or --duration seconds
          --json PATH          write every result (setup, registration, ingest, queries, freshness) as one
                               JSON object
          --save DIR           also write what is posted (needs --count; DIR must hold no sales-*.json):
                                 DIR/sellers.csv        header sellerId,villageCode,kind,members, then one
                                                        seller a line (kind: household|cooperative|enterprise);
                                                        no field is ever quoted
                                 DIR/sales-000001.json  one file per batch, numbered from 1 in posting order,
                                 DIR/sales-000002.json  each exactly the body of one POST /api/sales: a JSON
                                 …                      array of sale lines as in API.md (amount in yuan with
                                                        at most 2 decimals, time with +08:00)
                               The freshness probes' seller and lines are not part of it.
          --no-post            with --save: only write the files; contact no node

        Exit codes: 0 done, 1 the API refused or rejected something (load: a rejected line, a failed batch,
        query or probe), 2 bad command line, 3 bad configuration.
        """;
}
