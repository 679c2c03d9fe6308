using Palisade.GitOps.Audit;

namespace Palisade.GitOps.Tests.Audit;

/// <summary>Events with realistic content, and a temporary state folder per test.</summary>
internal static class AuditSamples
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly ObjectRef Backend = new("projectcalico.org/v3", "NetworkPolicy", "shop", "backend");
    public static readonly ObjectRef Frontend = new("projectcalico.org/v3", "NetworkPolicy", "shop", "frontend");
    public static readonly ObjectRef DefaultDeny = new("projectcalico.org/v3", "GlobalNetworkPolicy", null, "default-deny");
    public static readonly ObjectRef K8sBackend = new("networking.k8s.io/v1", "NetworkPolicy", "web", "backend");

    public static string Yaml(ObjectRef reference, int port) => $"""
        apiVersion: {reference.ApiVersion}
        kind: {reference.Kind}
        metadata:
          name: {reference.Name}
        spec:
          ingress:
            - action: Allow
              destination:
                ports: [{port}]

        """;

    public static SyncEvent SyncAt(DateTimeOffset time, string revision, params ObjectChange[] changes) =>
        new(time, revision, "https://git.example.com/net/policy.git", "Ana Lima <ana@example.com>", "Bo Chen <bo@example.com>", "SHA256:abc123", SyncOutcome.Applied, null, changes, 7);

    public static DriftEvent DriftAt(DateTimeOffset time, ObjectRef reference) =>
        new(time, reference, DriftKind.Modified, AuditDiff.Of(reference, Yaml(reference, 443), Yaml(reference, 8080)), ["kubectl-edit"], false, "detect-only");

    public static RefusalEvent Refusal(DateTimeOffset time, string revision) =>
        new(time, revision, RefusalReason.PolicyViolation, "2 policy violations", [
            new Violation("shop/backend.yaml", 12, "ingress from 0.0.0.0/0 is not allowed", "deny_world_ingress"),
            new Violation("shop/frontend.yaml", null, "missing owner label", null),
        ]);

    public static string NewStateDirectory() => Path.Combine(Path.GetTempPath(), "palisade-audit-" + Guid.NewGuid().ToString("N"), ".palisade");

    public static void Remove(string stateDirectory)
    {
        var parent = Path.GetDirectoryName(stateDirectory)!;
        if (Directory.Exists(parent))
        {
            Directory.Delete(parent, recursive: true);
        }
    }
}
