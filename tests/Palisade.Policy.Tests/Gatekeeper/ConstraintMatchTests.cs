using Palisade.Policy.Gatekeeper;
using Palisade.Rego.Values;

namespace Palisade.Policy.Tests.Gatekeeper;

public sealed class ConstraintMatchTests
{
    private static readonly Value Pod = ValueJson.Parse("""
        {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web-1", "namespace": "kube-system", "labels": {"app": "web", "tier": "front"}}}
        """);

    private static readonly Value Deployment = ValueJson.Parse("""{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d", "namespace": "prod"}}""");

    private static readonly Value ClusterRole = ValueJson.Parse("""{"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "admin"}}""");

    private static readonly Value NamespaceObject = ValueJson.Parse("""{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "kube-system", "labels": {"env": "sys"}}}""");

    private static ConstraintMatch Match(string json) => ConstraintMatch.Read(ValueJson.Parse(json), "test");

    private static bool Matches(string match, Value obj, Value? ns = null) => Match(match).Matches(ReviewedObject.Of(obj), ns);

    [Theory]
    [InlineData("""{"kinds": [{"apiGroups": [""], "kinds": ["Pod"]}]}""", true)]
    [InlineData("""{"kinds": [{"apiGroups": ["apps"], "kinds": ["Pod"]}]}""", false)]
    [InlineData("""{"kinds": [{"apiGroups": ["*"], "kinds": ["*"]}]}""", true)]
    [InlineData("""{"kinds": [{"kinds": ["Pod"]}]}""", true)]
    [InlineData("""{"kinds": [{"apiGroups": [""]}]}""", true)]
    [InlineData("""{"kinds": [{"apiGroups": [""], "kinds": ["Service"]}, {"apiGroups": [""], "kinds": ["Pod"]}]}""", true)]
    [InlineData("""{"kinds": []}""", true)]
    public void KindsMatchByGroupAndKind(string match, bool expected) => Assert.Equal(expected, Matches(match, Pod));

    [Theory]
    [InlineData("""{"namespaces": ["kube-system"]}""", true)]
    [InlineData("""{"namespaces": ["kube-*"]}""", true)]
    [InlineData("""{"namespaces": ["*-system"]}""", true)]
    [InlineData("""{"namespaces": ["default"]}""", false)]
    [InlineData("""{"excludedNamespaces": ["kube-*"]}""", false)]
    [InlineData("""{"excludedNamespaces": ["*-public"]}""", true)]
    [InlineData("""{"namespaces": ["kube-*"], "excludedNamespaces": ["kube-system"]}""", false)]
    public void NamespacesAndExclusionsTakePrefixAndSuffixGlobs(string match, bool expected) => Assert.Equal(expected, Matches(match, Pod));

    [Fact]
    public void NamespaceCriteriaPassClusterScopedObjectsButApplyToNamespacesThemselves()
    {
        Assert.True(Matches("""{"namespaces": ["default"], "excludedNamespaces": ["*"]}""", ClusterRole));
        Assert.False(Matches("""{"namespaces": ["default"]}""", NamespaceObject));
        Assert.False(Matches("""{"excludedNamespaces": ["kube-system"]}""", NamespaceObject));
    }

    [Theory]
    [InlineData("""{"labelSelector": {"matchLabels": {"app": "web"}}}""", true)]
    [InlineData("""{"labelSelector": {"matchLabels": {"app": "db"}}}""", false)]
    [InlineData("""{"labelSelector": {"matchExpressions": [{"key": "tier", "operator": "In", "values": ["front", "back"]}]}}""", true)]
    [InlineData("""{"labelSelector": {"matchExpressions": [{"key": "tier", "operator": "NotIn", "values": ["front"]}]}}""", false)]
    [InlineData("""{"labelSelector": {"matchExpressions": [{"key": "missing", "operator": "NotIn", "values": ["x"]}]}}""", true)]
    [InlineData("""{"labelSelector": {"matchExpressions": [{"key": "app", "operator": "Exists"}]}}""", true)]
    [InlineData("""{"labelSelector": {"matchExpressions": [{"key": "app", "operator": "DoesNotExist"}]}}""", false)]
    [InlineData("""{"labelSelector": {"matchLabels": {"app": "web"}, "matchExpressions": [{"key": "tier", "operator": "DoesNotExist"}]}}""", false)]
    [InlineData("""{"labelSelector": {}}""", true)]
    public void LabelSelectorsAreKubernetesSelectors(string match, bool expected) => Assert.Equal(expected, Matches(match, Pod));

    [Theory]
    [InlineData("""{"key": "a", "operator": "In", "values": []}""")]
    [InlineData("""{"key": "a", "operator": "Exists", "values": ["x"]}""")]
    [InlineData("""{"key": "a", "operator": "Equals", "values": ["x"]}""")]
    public void InvalidSelectorsAreRejected(string expression)
    {
        var error = Assert.Throws<GatekeeperException>(() => Match($$$"""{"labelSelector": {"matchExpressions": [{{{expression}}}]}}"""));
        Assert.Contains("test: match.labelSelector", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NamespaceSelectorReadsTheNamespaceObject()
    {
        const string selector = """{"namespaceSelector": {"matchLabels": {"env": "sys"}}}""";
        Assert.True(Matches(selector, Pod, NamespaceObject));
        Assert.False(Matches("""{"namespaceSelector": {"matchLabels": {"env": "prod"}}}""", Pod, NamespaceObject));
        Assert.True(Matches(selector, NamespaceObject));
        Assert.True(Matches(selector, ClusterRole));
        var missing = Assert.Throws<GatekeeperException>(() => Matches(selector, Pod));
        Assert.Contains("missing Namespace kube-system", missing.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Cluster", false, true, true)]
    [InlineData("Namespaced", true, false, false)]
    [InlineData("*", true, true, true)]
    public void ScopeSeparatesClusterAndNamespacedObjects(string scope, bool pod, bool clusterRole, bool ns)
    {
        var match = $$"""{"scope": "{{scope}}"}""";
        Assert.Equal((pod, clusterRole, ns), (Matches(match, Pod), Matches(match, ClusterRole), Matches(match, NamespaceObject)));
    }

    [Theory]
    [InlineData("web-1", true)]
    [InlineData("web-*", true)]
    [InlineData("*-1", true)]
    [InlineData("web", false)]
    public void NameTakesGlobs(string name, bool expected) => Assert.Equal(expected, Matches($$"""{"name": "{{name}}"}""", Pod));

    [Fact]
    public void EveryCriterionMustHold()
    {
        const string match = """{"kinds": [{"apiGroups": ["apps"], "kinds": ["Deployment"]}], "namespaces": ["prod"], "name": "d"}""";
        Assert.True(Matches(match, Deployment));
        Assert.False(Matches(match, Pod));
        Assert.False(Matches("""{"kinds": [{"apiGroups": ["apps"], "kinds": ["Deployment"]}], "namespaces": ["dev"]}""", Deployment));
    }
}
