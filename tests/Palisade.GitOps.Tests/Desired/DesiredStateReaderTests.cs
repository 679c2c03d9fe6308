using System.Text;
using Palisade.GitOps.Audit;
using Palisade.GitOps.Desired;
using Palisade.GitOps.Scope;

namespace Palisade.GitOps.Tests.Desired;

public sealed class DesiredStateReaderTests
{
    private const string Policy = """
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        metadata:
          name: backend
          namespace: shop
          resourceVersion: "12"
        spec:
          order: 710
          selector: app == 'backend'
        status: {}
        """;

    private static DesiredState Read(SyncScope scope, params (string Path, string Text)[] files) =>
        new DesiredStateReader(scope, "prod", "policies", "policy").Read(files.ToDictionary(f => f.Path, f => Encoding.UTF8.GetBytes(f.Text)));

    [Fact]
    public void ReadsObjectsMarksThemAndDropsWhatTheServerOwns()
    {
        var state = Read(new SyncScope(), ("policies/shop/backend.yaml", Policy));

        Assert.True(state.IsValid);
        var obj = Assert.Single(state.Objects);
        Assert.Equal("projectcalico.org/NetworkPolicy shop/backend", obj.Key.ToString());
        Assert.Equal("policies/shop/backend.yaml", obj.Source.File);
        Assert.Equal(1, obj.Source.Line);
        Assert.Null(obj.Body["status"]);
        Assert.Null(obj.Body["metadata"]!["resourceVersion"]);
        Assert.Equal("palisade", obj.Body["metadata"]!["labels"]![Tracking.ManagedByLabel]!.GetValue<string>());
        Assert.Equal("prod", obj.Body["metadata"]!["labels"]![Tracking.SyncLabel]!.GetValue<string>());
        Assert.Equal("policies/shop/backend.yaml", obj.Body["metadata"]!["annotations"]![Tracking.SourceAnnotation]!.GetValue<string>());
    }

    [Fact]
    public void OnlyTheManifestsFolderCountsAndNeitherPoliciesNorHiddenFolders()
    {
        var state = Read(
            new SyncScope(),
            ("policies/a.yaml", Policy),
            ("templates/t.yaml", "PolicyName: x\n"),
            ("policies/.github/w.yaml", "on: push\n"),
            ("policies/README.md", "# not yaml"));

        Assert.True(state.IsValid, string.Join("; ", state.Problems));
        Assert.Single(state.Objects);
    }

    [Fact]
    public void EveryProblemIsReportedWithFileAndLine()
    {
        var state = Read(
            new SyncScope { Namespaces = ["shop"] },
            ("policies/forbidden.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: shop}\n"),
            ("policies/broken.yaml", "kind: [\n"),
            ("policies/other-ns.yaml", Policy.Replace("namespace: shop", "namespace: payments", StringComparison.Ordinal)),
            ("policies/no-ns.yaml", "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\nspec: {}\n"),
            ("policies/twice.yaml", Policy + "\n---\n" + Policy));

        Assert.False(state.IsValid);
        var problems = state.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains(problems, p => p.StartsWith("policies/forbidden.yaml:1: v1 ConfigMap x: kind is not allowed", StringComparison.Ordinal));
        Assert.Contains(state.Problems, p => p is { Reason: RefusalReason.InvalidManifest, File: "policies/broken.yaml", Line: > 0 });
        Assert.Contains(state.Problems, p => p is { Reason: RefusalReason.ForbiddenNamespace, File: "policies/other-ns.yaml", Line: 1 });
        Assert.Contains(problems, p => p == "policies/no-ns.yaml:1: NetworkPolicy deny: metadata.namespace is required");
        Assert.Contains(problems, p => p.StartsWith("policies/twice.yaml:", StringComparison.Ordinal) && p.Contains("is also defined at policies/twice.yaml:1", StringComparison.Ordinal));
    }
}
