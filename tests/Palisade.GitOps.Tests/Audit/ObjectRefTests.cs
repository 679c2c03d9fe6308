using Palisade.GitOps.Audit;

namespace Palisade.GitOps.Tests.Audit;

public sealed class ObjectRefTests
{
    [Theory]
    [InlineData("projectcalico.org/v3/NetworkPolicy/shop/backend", "projectcalico.org/v3", "NetworkPolicy", "shop", "backend")]
    [InlineData("projectcalico.org/v3/GlobalNetworkPolicy/default-deny", "projectcalico.org/v3", "GlobalNetworkPolicy", null, "default-deny")]
    [InlineData("v1/Namespace/shop", "v1", "Namespace", null, "shop")]
    [InlineData("v1/ConfigMap/kube-system/settings", "v1", "ConfigMap", "kube-system", "settings")]
    public void ParsesItsTextFormAndWritesItBack(string text, string apiVersion, string kind, string? @namespace, string name)
    {
        var reference = ObjectRef.Parse(text);

        Assert.Equal(new ObjectRef(apiVersion, kind, @namespace, name), reference);
        Assert.Equal(text, reference.ToString());
    }

    [Fact]
    public void TheGroupIsEmptyForTheCoreApi()
    {
        Assert.Equal("projectcalico.org", AuditSamples.Backend.Group);
        Assert.Equal("", ObjectRef.Parse("v1/Namespace/shop").Group);
    }

    [Theory]
    [InlineData("NetworkPolicy/shop/backend", "the apiVersion is missing")]
    [InlineData("projectcalico.org/v3/networkpolicy/shop/backend", "no Kind")]
    [InlineData("projectcalico.org/v3/NetworkPolicy/shop/backend/extra", "expected")]
    [InlineData("projectcalico.org/v3/NetworkPolicy", "expected")]
    [InlineData("projectcalico.org/v3/NetworkPolicy//backend", "expected")]
    [InlineData("a/b/c/NetworkPolicy/backend", "expected")]
    [InlineData("v1/Net-Policy/x", "not a Kind")]
    public void RejectsMalformedTextSayingWhy(string text, string problem)
    {
        var error = Assert.Throws<FormatException>(() => ObjectRef.Parse(text));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        Assert.False(ObjectRef.TryParse(text, out _));
    }

    [Fact]
    public void RejectsInvalidParts()
    {
        Assert.Throws<ArgumentException>(() => new ObjectRef("", "NetworkPolicy", "shop", "x"));
        Assert.Throws<ArgumentException>(() => new ObjectRef("v1", "networkpolicy", "shop", "x"));
        Assert.Throws<ArgumentException>(() => new ObjectRef("v1", "NetworkPolicy", "sh/op", "x"));
        Assert.Throws<ArgumentException>(() => new ObjectRef("v1", "NetworkPolicy", "shop", ""));
    }

    [Theory]
    [InlineData("NetworkPolicy/shop/backend", null, "NetworkPolicy", "shop", "backend")]
    [InlineData("NetworkPolicy/backend", null, "NetworkPolicy", null, "backend")]
    [InlineData("NetworkPolicy/shop/*", null, "NetworkPolicy", "shop", null)]
    [InlineData("NetworkPolicy/*/backend", null, "NetworkPolicy", null, "backend")]
    [InlineData("networking.k8s.io/v1/NetworkPolicy/web/backend", "networking.k8s.io/v1", "NetworkPolicy", "web", "backend")]
    public void FiltersLeaveOutWhatMatchesAnything(string text, string? apiVersion, string kind, string? @namespace, string? name)
    {
        Assert.Equal(new ObjectFilter(apiVersion, kind, @namespace, name), ObjectFilter.Parse(text));
    }

    [Fact]
    public void AFilterMatchesByItsParts()
    {
        Assert.True(ObjectFilter.Parse("NetworkPolicy/backend").Matches(AuditSamples.Backend));
        Assert.True(ObjectFilter.Parse("NetworkPolicy/backend").Matches(AuditSamples.K8sBackend));
        Assert.False(ObjectFilter.Parse("NetworkPolicy/shop/backend").Matches(AuditSamples.K8sBackend));
        Assert.False(ObjectFilter.Parse("projectcalico.org/v3/NetworkPolicy/web/backend").Matches(AuditSamples.K8sBackend));
        Assert.True(ObjectFilter.Exactly(AuditSamples.DefaultDeny).Matches(AuditSamples.DefaultDeny));
        Assert.Throws<FormatException>(() => ObjectFilter.Parse("shop/backend"));
    }
}
