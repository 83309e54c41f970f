using System.Diagnostics;

namespace Villages.Cli.Load;

/// <summary>One of the benchmark's queries: its path, its latencies when answered 200, and its failures.</summary>
internal sealed class ProbeQuery(string path)
{
    private readonly Latencies _latencies = new();
    private int _count;
    private int _errors;
    private string? _firstError;

    public string Path => path;

    public async Task MeasureAsync(HttpClient client, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        string? error = null;
        try
        {
            using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, ct);
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(ct);
                error = $"{(int)response.StatusCode} {response.StatusCode}: {(body.Length > 300 ? body[..300] + "…" : body)}";
            }
        }
        catch (HttpRequestException e)
        {
            error = $"connection failed: {e.Message}";
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            error = "timed out";
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        Interlocked.Increment(ref _count);
        if (error is null)
        {
            _latencies.Add(elapsed);
        }
        else if (Interlocked.Increment(ref _errors) == 1)
        {
            _firstError = error;
        }
    }

    public QueryResult Result() => new(path, _count, _errors, _latencies.Summary(), _firstError);
}
