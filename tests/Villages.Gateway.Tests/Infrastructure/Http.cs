using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Villages.Gateway.Tests.Infrastructure;

/// <summary>Small helpers that keep the tests about the contract, not about HttpClient.</summary>
public static class Http
{
    public static async Task<(HttpStatusCode Status, JsonNode? Body)> Put(this HttpClient client, string url, object body)
    {
        using var response = await client.PutAsJsonAsync(url, body);
        return (response.StatusCode, await Json(response));
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> Post(this HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        return (response.StatusCode, await Json(response));
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> PostRaw(this HttpClient client, string url, string body, string contentType)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        using var response = await client.PostAsync(url, content);
        return (response.StatusCode, await Json(response));
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> Get(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return (response.StatusCode, await Json(response));
    }

    public static async Task<JsonNode> GetOk(this HttpClient client, string url)
    {
        var (status, body) = await client.Get(url);
        Assert.True(status == HttpStatusCode.OK, $"GET {url} answered {status}: {body}");
        return body!;
    }

    public static async Task Settle(this HttpClient client)
    {
        using var response = await client.PostAsync("/api/admin/settle", null);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The reasons a problem-details answer gives for one field.</summary>
    public static string[] Errors(this JsonNode? problem, string field) =>
        problem?["errors"]?[field]?.AsArray().Select(e => e!.GetValue<string>()).ToArray() ?? [];

    /// <summary>The errors of the rejected line at an index of an ingest answer.</summary>
    public static JsonNode? Rejection(this JsonNode answer, int index) =>
        answer["rejected"]!.AsArray().SingleOrDefault(r => r!["index"]!.GetValue<int>() == index);

    public static decimal Money(this JsonNode node) => node.GetValue<decimal>();

    private static async Task<JsonNode?> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
