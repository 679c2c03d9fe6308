using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using k8s;

namespace Palisade.Sandbox.Tests;

public sealed class TransportTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly TestSandbox sandbox = fixture.Sandbox;
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_without_the_token_is_401_Unauthorized()
    {
        using var http = sandbox.RawClient(withToken: false);
        using var response = await http.GetAsync("/api/v1/namespaces", Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancellation))!;
        Assert.Equal("Unauthorized", (string?)status["reason"]);
        Assert.Equal(401, (int?)status["code"]);
    }

    [Fact]
    public async Task A_request_with_another_token_is_401()
    {
        using var http = sandbox.RawClient(withToken: false);
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", sandbox.Server.Token + "x");
        using var response = await http.GetAsync("/healthz", Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void The_url_is_https_on_the_loopback_address()
    {
        Assert.Equal("https", sandbox.Server.Url.Scheme);
        Assert.Equal("127.0.0.1", sandbox.Server.Url.Host);
        Assert.NotEqual(0, sandbox.Server.Url.Port);
    }

    [Fact]
    public void The_certificate_names_127_0_0_1_and_localhost()
    {
        var names = sandbox.Server.Certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Contains(IPAddress.Loopback, names.EnumerateIPAddresses());
        Assert.Contains("localhost", names.EnumerateDnsNames());
    }

    [Fact]
    public async Task HTTP_2_is_served()
    {
        using var http = sandbox.RawClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/version") { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var response = await http.SendAsync(request, Cancellation);
        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal("1", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancellation))?["major"]);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    [InlineData("/livez")]
    public async Task Health_endpoints_answer_ok(string path)
    {
        using var http = sandbox.RawClient();
        Assert.Equal("ok", await http.GetStringAsync(path, Cancellation));
    }

    [Fact]
    public async Task A_request_accepting_protobuf_and_JSON_gets_JSON()
    {
        using var http = sandbox.RawClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/namespaces/default");
        request.Headers.TryAddWithoutValidation("Accept", "application/vnd.kubernetes.protobuf, application/json");
        using var response = await http.SendAsync(request, Cancellation);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Namespace", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancellation))?["kind"]);
    }

    [Fact]
    public async Task A_request_accepting_only_protobuf_is_406()
    {
        using var http = sandbox.RawClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v2");
        request.Headers.TryAddWithoutValidation("Accept", "application/com.github.proto-openapi.spec.v2@v1.0+protobuf");
        using var response = await http.SendAsync(request, Cancellation);
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task Discovery_describes_the_Calico_group_with_short_names_and_verbs()
    {
        var resources = await sandbox.Client.CoreV1.GetAPIResourcesAsync(Cancellation);
        using var http = sandbox.RawClient();
        var list = JsonNode.Parse(await http.GetStringAsync("/apis/projectcalico.org/v3", Cancellation))!;
        Assert.Equal("APIResourceList", (string?)list["kind"]);
        var gnp = list["resources"]!.AsArray().Single(r => (string?)r?["name"] == "globalnetworkpolicies")!;
        Assert.False((bool?)gnp["namespaced"]);
        Assert.Equal("globalnetworkpolicy", (string?)gnp["singularName"]);
        Assert.Contains("gnp", gnp["shortNames"]!.AsArray().Select(s => (string?)s));
        Assert.Contains("watch", gnp["verbs"]!.AsArray().Select(s => (string?)s));
        Assert.Contains(resources.Resources, r => r.Name == "namespaces" && r.ShortNames.Contains("ns"));
    }

    [Fact]
    public async Task Aggregated_discovery_is_served_to_clients_that_ask_for_it()
    {
        using var http = sandbox.RawClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/apis");
        request.Headers.TryAddWithoutValidation("Accept", "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json");
        using var response = await http.SendAsync(request, Cancellation);
        Assert.Equal("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList", response.Content.Headers.ContentType?.ToString().Replace(" ", "", StringComparison.Ordinal));
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancellation))!;
        Assert.Equal("APIGroupDiscoveryList", (string?)document["kind"]);
        Assert.Equal("apidiscovery.k8s.io/v2", (string?)document["apiVersion"]);
        var calico = document["items"]!.AsArray().Single(i => (string?)i?["metadata"]?["name"] == "projectcalico.org")!;
        var tiers = calico["versions"]![0]!["resources"]!.AsArray().Single(r => (string?)r?["resource"] == "tiers")!;
        Assert.Equal("Cluster", (string?)tiers["scope"]);
        Assert.Equal("Tier", (string?)tiers["responseKind"]?["kind"]);

        using var legacy = await http.GetAsync("/apis", Cancellation);
        Assert.Equal("APIGroupList", (string?)JsonNode.Parse(await legacy.Content.ReadAsStringAsync(Cancellation))?["kind"]);
    }

    [Fact]
    public async Task The_group_list_names_every_served_group()
    {
        var groups = await sandbox.Client.Apis.GetAPIVersionsAsync(Cancellation);
        var names = groups.Groups.Select(g => g.Name).ToList();
        foreach (var group in new[] { "networking.k8s.io", "projectcalico.org", "rbac.authorization.k8s.io", "coordination.k8s.io", "admissionregistration.k8s.io", "apiextensions.k8s.io" })
        {
            Assert.Contains(group, names);
        }
    }
}
