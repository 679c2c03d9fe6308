using Palisade.Policy.Gatekeeper;
using Palisade.Rego.Values;

namespace Palisade.Policy.Tests.Gatekeeper;

public sealed class AdmissionReviewTests
{
    [Fact]
    public void APlainObjectBecomesTheRequestGatorMakes()
    {
        var obj = ValueJson.Parse("""{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d", "namespace": "prod"}}""");

        var review = AdmissionReview.For(obj, "d.yaml");

        var expected = ValueJson.Parse("""
            {"uid": "", "kind": {"group": "apps", "version": "v1", "kind": "Deployment"},
             "resource": {"group": "", "version": "", "resource": ""}, "operation": "", "userInfo": {},
             "name": "d", "namespace": "prod",
             "object": {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d", "namespace": "prod"}}}
            """);
        Assert.Equal(expected, review.Request);
    }

    [Fact]
    public void ClusterScopedObjectsHaveNoNamespaceField()
    {
        var review = AdmissionReview.For(ValueJson.Parse("""{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "ns"}}"""), "ns.yaml");

        Assert.False(((ObjectValue)review.Request).ContainsKey(StringValue.Of("namespace")));
        Assert.Equal(ValueJson.Parse("""{"group": "", "version": "v1", "kind": "Namespace"}"""), review.Request.Get("kind"));
    }

    [Theory]
    [InlineData("""{"kind": "Pod", "metadata": {"name": "p"}}""", "has no version")]
    [InlineData("""{"apiVersion": "v1", "metadata": {"name": "p"}}""", "has no kind")]
    public void ObjectsNeedVersionAndKind(string json, string message) =>
        Assert.Contains(message, Assert.Throws<GatekeeperException>(() => AdmissionReview.For(ValueJson.Parse(json), "p.yaml")).Message, StringComparison.Ordinal);

    [Fact]
    public void AnAdmissionReviewPassesItsRequestThrough()
    {
        var document = ValueJson.Parse("""
            {"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview",
             "request": {"operation": "UPDATE", "userInfo": {"username": "alice", "groups": ["dev"]}, "dryRun": true,
                         "object": {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "namespace": "a"}},
                         "oldObject": {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "namespace": "a"}}}}
            """);

        var review = AdmissionReview.For(document, "r.yaml");

        Assert.Equal("UPDATE", review.Request.GetString("operation"));
        Assert.Equal("alice", review.Request.GetString("userInfo", "username"));
        Assert.Equal(BooleanValue.True, review.Request.Get("dryRun"));
        Assert.NotNull(review.Request.Get("oldObject"));
        Assert.Equal(string.Empty, review.Request.GetString("uid"));
        Assert.Equal(ValueJson.Parse("""{"group": "", "version": "", "kind": ""}"""), review.Request.Get("kind"));
        Assert.Equal(("Pod", "a"), (review.Target.Kind.Kind, review.Target.Namespace));
    }

    [Fact]
    public void ADeleteWithoutObjectIsReviewedOnItsOldObject()
    {
        var document = ValueJson.Parse("""
            {"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview",
             "request": {"operation": "DELETE", "oldObject": {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "old"}}}}
            """);

        var review = AdmissionReview.For(document, "r.yaml");

        Assert.Equal("old", review.Request.GetString("object", "metadata", "name"));
        Assert.Equal("old", review.Target.Name);
    }

    [Theory]
    [InlineData("""{"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview"}""", "did not actually pass in an AdmissionRequest")]
    [InlineData("""{"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": {"operation": "CREATE"}}""", "does not contain an \"object\" or \"oldObject\"")]
    [InlineData("""{"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": {"objekt": {}}}""", "unknown field request.objekt")]
    public void MalformedAdmissionReviewsAreRejected(string json, string message) =>
        Assert.Contains(message, Assert.Throws<GatekeeperException>(() => AdmissionReview.For(ValueJson.Parse(json), "r.yaml")).Message, StringComparison.Ordinal);
}
