using Palisade.Kube.Manifests;
using Palisade.Kube.Schema;

namespace Palisade.Kube.Tests.Schema;

/// <summary>The Calico CRDs from shared/, loaded once for all tests.</summary>
internal static class CalicoSchemas
{
    private static readonly Dictionary<string, CrdSchemaSet> Loaded = [];
    private static readonly Lock LoadLock = new();

    /// <summary>projectcalico.org/v3, the API users write.</summary>
    public static CrdSchemaSet V3 => Load("calico/crds/projectcalico.org-v3");

    /// <summary>crd.projectcalico.org/v1 (the stored form) and policy.networking.k8s.io ClusterNetworkPolicy.</summary>
    public static CrdSchemaSet V1 => Load("calico/crds/crd.projectcalico.org-v1");

    private static CrdSchemaSet Load(string folder)
    {
        var path = SharedFiles.Require(folder);
        lock (LoadLock)
        {
            if (!Loaded.TryGetValue(folder, out var set))
            {
                set = CrdSchemaSet.Load(new ManifestReader().ReadPaths([path]).DocumentsOrThrow());
                Loaded[folder] = set;
            }

            return set;
        }
    }
}
