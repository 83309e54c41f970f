using System.Diagnostics;
using System.Net;

namespace Villages.Cli.Posting;

/// <summary>
/// Streams lines into JSON-array batches and posts a few at a time; only the batches in flight are held in memory,
/// so a scale-1.0 scenario of tens of millions of lines posts in bounded memory.
/// </summary>
internal sealed class Batches(RetryingSender sender, PosterOptions options, Tally tally)
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(2);

    public async Task PostAsync<T>(Tally.Kind kind, string path, IEnumerable<T> lines, Func<IReadOnlyList<T>, byte[]> serialise, long? total, CancellationToken ct)
    {
        var name = kind.ToString().ToLowerInvariant();
        var progress = new Progress(name, kind, total, options.Progress, tally);
        var numbered = lines.Chunk(options.BatchSize).Select((batch, i) => (Batch: batch, Number: i + 1, FirstLine: (long)i * options.BatchSize));
        await Parallel.ForEachAsync(numbered, ScenarioPoster.Parallelism(options, ct), async (b, token) =>
        {
            var what = $"{name} batch {b.Number}";
            var (status, body) = await sender.SendAsync(HttpMethod.Post, path, serialise(b.Batch), what, token);
            if (status != HttpStatusCode.OK)
            {
                throw ScenarioPoster.Unexpected(what, status, body);
            }

            var answer = ScenarioPoster.ReadAnswer(body, what);
            if (answer.Rejected.Count > 0)
            {
                throw new ScenarioRejectedException(name, b.Number, b.FirstLine, answer.Rejected);
            }

            if (answer.Accepted + answer.Duplicates != b.Batch.Length)
            {
                throw new ScenarioPostException(
                    $"{what}: the API acknowledged {answer.Accepted} accepted and {answer.Duplicates} duplicate lines of {b.Batch.Length}, rejecting none.");
            }

            tally.Batch(kind, b.Batch.Length, answer.Accepted, answer.Duplicates);
            progress.Report(final: false);
        });
        progress.Report(final: true);
    }

    /// <summary>At most one progress line every two seconds, so scale 1.0 does not flood the console.</summary>
    private sealed class Progress(string name, Tally.Kind kind, long? total, Action<string>? write, Tally tally)
    {
        private readonly Lock _gate = new();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _last = TimeSpan.Zero;

        public void Report(bool final)
        {
            if (write is null)
            {
                return;
            }

            lock (_gate)
            {
                if (!final && _clock.Elapsed - _last < ProgressEvery)
                {
                    return;
                }

                _last = _clock.Elapsed;
            }

            var sent = tally.Sent(kind);
            var rate = _clock.Elapsed.TotalSeconds > 0 ? sent / _clock.Elapsed.TotalSeconds : 0;
            write($"{name}: {sent:N0}{(total is { } t ? $" of {t:N0}" : "")} lines{(final ? " sent" : "")} ({rate:N0}/s)");
        }
    }
}
