using k8s;
using k8s.Models;

namespace Palisade.Sandbox.Tests;

public sealed class ListTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly TestSandbox sandbox = fixture.Sandbox;
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private async Task<string> ConfigMapsAsync(params (string Name, string? Tier)[] maps)
    {
        var ns = await sandbox.NewNamespaceAsync();
        foreach (var (name, tier) in maps)
        {
            var labels = tier is null ? null : new Dictionary<string, string> { ["tier"] = tier };
            await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name, Labels = labels } }, ns, cancellationToken: Cancellation);
        }

        return ns;
    }

    private async Task<List<string>> NamesAsync(string ns, string? labelSelector = null, string? fieldSelector = null) =>
        [.. (await sandbox.Client.CoreV1.ListNamespacedConfigMapAsync(ns, labelSelector: labelSelector, fieldSelector: fieldSelector, cancellationToken: Cancellation)).Items.Select(i => i.Metadata.Name)];

    [Theory]
    [InlineData("tier=web", "a")]
    [InlineData("tier==web", "a")]
    [InlineData("tier!=web", "b,c")]
    [InlineData("tier in (web,db)", "a,b")]
    [InlineData("tier notin (web)", "b,c")]
    [InlineData("tier", "a,b")]
    [InlineData("!tier", "c")]
    [InlineData("tier,tier!=db", "a")]
    public async Task Label_selectors_select_as_in_Kubernetes(string selector, string expected)
    {
        var ns = await ConfigMapsAsync(("a", "web"), ("b", "db"), ("c", null));
        Assert.Equal(expected.Split(','), await NamesAsync(ns, labelSelector: selector));
    }

    [Fact]
    public async Task A_malformed_label_selector_is_400()
    {
        var ns = await ConfigMapsAsync(("a", "web"));
        await StatusAssert.RefusedAsync(() => NamesAsync(ns, labelSelector: "tier in web"), 400, "BadRequest");
    }

    [Fact]
    public async Task Field_selectors_select_by_name_and_namespace()
    {
        var ns = await ConfigMapsAsync(("a", null), ("b", null));
        Assert.Equal(["b"], await NamesAsync(ns, fieldSelector: "metadata.name=b"));
        Assert.Equal(["a"], await NamesAsync(ns, fieldSelector: "metadata.name!=b"));
        Assert.Equal(["a", "b"], await NamesAsync(ns, fieldSelector: $"metadata.namespace=={ns}"));
        await StatusAssert.RefusedAsync(() => NamesAsync(ns, fieldSelector: "spec.unknown=x"), 400, "BadRequest");
    }

    [Fact]
    public async Task Limit_and_continue_page_through_the_list()
    {
        var ns = await ConfigMapsAsync(("a", null), ("b", null), ("c", null), ("d", null), ("e", null));
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await sandbox.Client.CoreV1.ListNamespacedConfigMapAsync(ns, limit: 2, continueParameter: token, cancellationToken: Cancellation);
            seen.AddRange(page.Items.Select(i => i.Metadata.Name));
            token = page.Metadata.ContinueProperty;
            Assert.Equal(token is null ? null : 5 - seen.Count, page.Metadata.RemainingItemCount);
            pages++;
        }
        while (token is not null);
        Assert.Equal(3, pages);
        Assert.Equal(["a", "b", "c", "d", "e"], seen);
    }
}
