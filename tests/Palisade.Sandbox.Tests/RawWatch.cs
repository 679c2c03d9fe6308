using System.Text.Json.Nodes;

namespace Palisade.Sandbox.Tests;

/// <summary>A watch read line by line over plain HTTP, to see the events exactly as the server sends them.</summary>
internal sealed class RawWatch : IAsyncDisposable
{
    private readonly HttpClient http;
    private readonly HttpResponseMessage response;
    private readonly StreamReader reader;

    private RawWatch(HttpClient http, HttpResponseMessage response, StreamReader reader)
    {
        this.http = http;
        this.response = response;
        this.reader = reader;
    }

    public static async Task<RawWatch> OpenAsync(TestSandbox sandbox, string pathAndQuery)
    {
        var http = sandbox.RawClient();
        var response = await http.GetAsync(pathAndQuery, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        return new RawWatch(http, response, reader);
    }

    /// <summary>The next event, or null when the server ended the stream; fails the test after ten seconds.</summary>
    public async Task<JsonObject?> NextAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var line = await reader.ReadLineAsync(timeout.Token);
        return line is null ? null : JsonNode.Parse(line)!.AsObject();
    }

    /// <summary>The next event that is not a bookmark.</summary>
    public async Task<JsonObject?> NextChangeAsync()
    {
        while (true)
        {
            var next = await NextAsync();
            if (next is null || (string?)next["type"] != "BOOKMARK")
            {
                return next;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        reader.Dispose();
        response.Dispose();
        http.Dispose();
        return ValueTask.CompletedTask;
    }
}
