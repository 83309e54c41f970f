using System.Net;
using System.Net.Http.Headers;

namespace Villages.Cli.Posting;

/// <summary>
/// Sends one request, resending it on 503 (a silo is down or the node is starting) or when the connection fails,
/// with doubling delays, up to the bound. Every resend is safe: lines carry idempotency keys and PUTs are idempotent.
/// </summary>
internal sealed class RetryingSender(HttpClient client, PosterOptions options, Tally tally)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, string path, byte[]? body, string what, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            string failure;
            TimeSpan? retryAfter = null;
            try
            {
                using var request = new HttpRequestMessage(method, path);
                if (body is not null)
                {
                    request.Content = new ByteArrayContent(body) { Headers = { ContentType = Json } };
                }

                using var response = await client.SendAsync(request, ct);
                var text = await response.Content.ReadAsStringAsync(ct);
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    return (response.StatusCode, text);
                }

                failure = "503 Service Unavailable";
                retryAfter = response.Headers.RetryAfter?.Delta;
            }
            catch (HttpRequestException e) when (e.StatusCode is null)
            {
                failure = $"connection failed: {e.Message}";
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                failure = "timed out";
            }

            if (attempt >= options.MaxAttempts)
            {
                throw new ScenarioPostException($"{what}: gave up after {attempt} attempts; last: {failure}.");
            }

            tally.Retry();
            var delay = Delay(attempt, retryAfter);
            options.Progress?.Invoke($"  {what}: {failure}; retrying in {delay.TotalSeconds:0.0} s (attempt {attempt + 1} of {options.MaxAttempts})");
            await Task.Delay(delay, ct);
        }
    }

    private TimeSpan Delay(int attempt, TimeSpan? retryAfter)
    {
        var doubling = options.FirstRetryDelay * Math.Pow(2, Math.Min(attempt - 1, 16));
        var wanted = retryAfter is { } r && r > doubling ? r : doubling;
        return wanted < options.MaxRetryDelay ? wanted : options.MaxRetryDelay;
    }
}
