using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Palisade.Admission.Server;

namespace Palisade.Admission.Tests;

/// <summary>A webhook served over real HTTPS from temporary policy and certificate files, and a client that trusts it.</summary>
public sealed class WebhookFixture : IAsyncDisposable
{
    private WebhookFixture(string root, WebhookServer server)
    {
        Root = root;
        Server = server;
    }

    public string Root { get; }

    public WebhookServer Server { get; }

    public string CertFile => Path.Combine(Root, "tls.crt");

    public string KeyFile => Path.Combine(Root, "tls.key");

    /// <summary>The thumbprint of the certificate the last connection was served with.</summary>
    public string? ServedThumbprint { get; private set; }

    /// <summary>Starts a webhook; <paramref name="configure"/> fills in the sources and settings given the fixture's folder.</summary>
    public static async Task<WebhookFixture> Start(Func<string, WebhookOptions, WebhookOptions> configure)
    {
        var root = Directory.CreateTempSubdirectory("palisade-webhook-").FullName;
        TlsFiles.Write(Path.Combine(root, "tls.crt"), Path.Combine(root, "tls.key"));
        var options = configure(root, new WebhookOptions
        {
            Sources = new PolicySources(),
            TlsCertFile = Path.Combine(root, "tls.crt"),
            TlsKeyFile = Path.Combine(root, "tls.key"),
            Address = new IPEndPoint(IPAddress.Loopback, 0),
            ReloadInterval = TimeSpan.FromMilliseconds(200),
        });
        var server = await WebhookServer.StartAsync(options, logging => logging.SetMinimumLevel(LogLevel.None), TestContext.Current.CancellationToken);
        return new WebhookFixture(root, server);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }

    public string Write(string relative, string content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Posts a body on a new connection and returns the status and text of the answer.</summary>
    public async Task<(HttpStatusCode Status, string Body)> Post(string path, string body, string contentType = "application/json")
    {
        using var client = Client();
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await client.PostAsync(new Uri($"https://localhost:{Server.Port}{path}"), content, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public async Task<(HttpStatusCode Status, string Body)> Get(string path)
    {
        using var client = Client();
        using var response = await client.GetAsync(new Uri($"https://localhost:{Server.Port}{path}"), TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Posts an AdmissionReview to /validate and returns its response object.</summary>
    public async Task<JsonObject> Review(string review)
    {
        var (status, body) = await Post("/validate", review);
        Assert.Equal(HttpStatusCode.OK, status);
        var answer = JsonNode.Parse(body)!.AsObject();
        Assert.Equal("admission.k8s.io/v1", (string?)answer["apiVersion"]);
        Assert.Equal("AdmissionReview", (string?)answer["kind"]);
        return answer["response"]!.AsObject();
    }

    public Task<JsonObject> Review(JsonObject obj, string operation = "CREATE") => Review(Reviews.For(obj, operation));

    private HttpClient Client()
    {
        var handler = new HttpClientHandler
        {
            // The test certificate is self-signed: trust exactly the one the server presents, and note which it was.
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                ServedThumbprint = certificate?.Thumbprint;
                return certificate is not null;
            },
        };
        return new HttpClient(handler, disposeHandler: true);
    }

    public static IReadOnlyList<string> Strings(JsonNode? array) => array is JsonArray items ? items.Select(i => (string)i!).ToList() : [];
}
