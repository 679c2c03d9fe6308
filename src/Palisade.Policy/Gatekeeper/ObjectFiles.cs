using Palisade.Kube.Manifests;
using Palisade.Policy.Loading;
using Palisade.Rego.Values;

namespace Palisade.Policy.Gatekeeper;

/// <summary>Reads Kubernetes objects from YAML or JSON files (several documents per file; empty ones skipped).</summary>
public static class ObjectFiles
{
    public static IReadOnlyList<Value> Read(string path)
    {
        var objects = new ManifestReader().ReadFile(path).Where(d => d.Root is not null).Select(d => ManifestValues.ToValue(d.Root)).ToArray();
        return objects.Length > 0 ? objects : throw new GatekeeperException($"{path}: defines no YAML objects");
    }

    /// <summary>The one object a file must hold (a template, a constraint, an object to review).</summary>
    public static Value ReadSingle(string path)
    {
        var objects = Read(path);
        return objects.Count == 1 ? objects[0] : throw new GatekeeperException($"{path}: defines {objects.Count} objects, want 1");
    }
}
