using System.Text.Json.Nodes;
using Palisade.GitOps.Audit;
using Palisade.GitOps.Scope;
using Palisade.Kube.Cluster;
using Palisade.Kube.Kubernetes;
using Palisade.Kube.Manifests;

namespace Palisade.GitOps.Desired;

/// <summary>What a revision wants in the cluster: its objects, or every reason they cannot be applied.</summary>
public sealed record DesiredState(IReadOnlyList<DesiredObject> Objects, IReadOnlyList<Problem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Reads the manifests of a revision (files by repository path) into the objects to apply, checking each against
/// the sync's scope. Every problem is collected, so one refusal names all of them. The folder of Rego policies and
/// folders whose name starts with a dot are not manifests.
/// </summary>
public sealed class DesiredStateReader(SyncScope scope, string syncName, string manifestsPath, string? policyPath)
{
    /// <summary>Fields the API server owns; a manifest that sets them is read as if it did not.</summary>
    private static readonly string[] ServerMetadata = ["uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink", "deletionTimestamp"];

    private readonly ManifestReader _reader = new();

    public DesiredState Read(IReadOnlyDictionary<string, byte[]> files)
    {
        var objects = new List<DesiredObject>();
        var problems = new List<Problem>();
        var seen = new Dictionary<ObjectKey, SourceLocation>();
        foreach (var (path, bytes) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (!IsManifest(path))
            {
                continue;
            }

            IReadOnlyList<ManifestDocument> documents;
            try
            {
                documents = _reader.ReadBytes(path, bytes);
            }
            catch (ManifestException ex)
            {
                problems.Add(new Problem(RefusalReason.InvalidManifest, ex.Diagnostic.Message, path, ex.Diagnostic.Location.Line));
                continue;
            }

            foreach (var document in documents.Where(d => d.Root is not null))
            {
                if (ReadObject(path, document, problems) is not { } desired)
                {
                    continue;
                }

                if (seen.TryGetValue(desired.Key, out var first))
                {
                    problems.Add(new Problem(RefusalReason.InvalidManifest, $"{desired.Key} is also defined at {first.File}:{first.Line}", path, desired.Source.Line));
                    continue;
                }

                seen[desired.Key] = desired.Source;
                objects.Add(desired);
            }
        }

        return new DesiredState(objects, problems);
    }

    private bool IsManifest(string path)
    {
        var root = manifestsPath.Trim('/');
        if (root.Length > 0 && !path.StartsWith(root + "/", StringComparison.Ordinal))
        {
            return false;
        }

        if (policyPath is { Length: > 0 } policy && path.StartsWith(policy.Trim('/') + "/", StringComparison.Ordinal))
        {
            return false;
        }

        return !path.Split('/').Any(segment => segment.StartsWith('.')) &&
            (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
    }

    private DesiredObject? ReadObject(string path, ManifestDocument document, List<Problem> problems)
    {
        var line = document.Location.Line;
        void Refuse(RefusalReason reason, string message) => problems.Add(new Problem(reason, message, path, line));

        if (document.Root!.ToJson() is not JsonObject body)
        {
            Refuse(RefusalReason.InvalidManifest, "a document must be a Kubernetes object (a mapping)");
            return null;
        }

        var apiVersion = Text(body["apiVersion"]);
        var kind = Text(body["kind"]);
        var metadata = body["metadata"] as JsonObject;
        var name = Text(metadata?["name"]);
        var ns = Text(metadata?["namespace"]);
        if (apiVersion is null || kind is null)
        {
            Refuse(RefusalReason.InvalidManifest, "not a Kubernetes object: apiVersion and kind are required");
            return null;
        }

        if (name is null)
        {
            Refuse(RefusalReason.InvalidManifest, $"{kind}: metadata.name is required");
            return null;
        }

        if (KubernetesNames.CheckDns1123Subdomain(name) is { } badName)
        {
            Refuse(RefusalReason.InvalidManifest, $"{kind}: metadata.name \"{name}\" {badName}");
            return null;
        }

        if (ResourceTypes.Find(apiVersion, kind) is not { } type || !scope.AllowsKind(type))
        {
            Refuse(RefusalReason.ForbiddenKind, $"{apiVersion} {kind} {name}: kind is not allowed (allowed: {string.Join(", ", scope.Kinds)})");
            return null;
        }

        if (type.Namespaced && ns is null)
        {
            Refuse(RefusalReason.InvalidManifest, $"{kind} {name}: metadata.namespace is required");
            return null;
        }

        if (!type.Namespaced && ns is not null)
        {
            Refuse(RefusalReason.InvalidManifest, $"{kind} {name}: a {kind} is cluster-wide and has no metadata.namespace");
            return null;
        }

        if (ns is not null && (KubernetesNames.CheckDns1123Label(ns) is { } badNamespace))
        {
            Refuse(RefusalReason.InvalidManifest, $"{kind} {name}: metadata.namespace \"{ns}\" {badNamespace}");
            return null;
        }

        if (ns is not null && !scope.AllowsNamespace(ns))
        {
            Refuse(RefusalReason.ForbiddenNamespace, $"{kind} {ns}/{name}: namespace {ns} is not allowed (allowed: {string.Join(", ", scope.Namespaces)})");
            return null;
        }

        body.Remove("status");
        foreach (var field in ServerMetadata)
        {
            metadata!.Remove(field);
        }

        Tracking.Mark(body, syncName, path);
        return new DesiredObject(new ObjectKey(type.Group, type.Kind, ns, name), type, body, new SourceLocation(path, line, document.Location.Column));
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
