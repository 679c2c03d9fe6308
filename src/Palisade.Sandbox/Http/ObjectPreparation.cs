using System.Text.Json.Nodes;
using Palisade.Sandbox.Storage;
using Palisade.Sandbox.Validation;

namespace Palisade.Sandbox.Http;

/// <summary>
/// Checks a written object against its URL and fills the fields the server owns: uid and creationTimestamp on
/// create (kept after), generation (1 on create, bumped when anything but metadata and status changes), and
/// namespace from the URL.
/// </summary>
internal static class ObjectPreparation
{
    public const string NamespaceNameLabel = "kubernetes.io/metadata.name";

    /// <summary>Checks kind, apiVersion, namespace and (when the URL names one) name against the URL, filling those left out.</summary>
    public static void MatchUrl(JsonObject obj, ApiPath path)
    {
        var resource = path.Resource;
        var apiVersion = JsonText.Of(obj["apiVersion"]);
        if (apiVersion is null)
        {
            obj["apiVersion"] = resource.ApiVersion;
        }
        else if (apiVersion != resource.ApiVersion)
        {
            throw ApiError.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({resource.ApiVersion})");
        }

        var kind = JsonText.Of(obj["kind"]);
        if (kind is null)
        {
            obj["kind"] = resource.Kind;
        }
        else if (kind != resource.Kind)
        {
            throw ApiError.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({resource.Kind})");
        }

        var metadata = ObjectMeta.Of(obj);
        var ns = ObjectMeta.Namespace(obj);
        if (!resource.Namespaced)
        {
            metadata.Remove("namespace");
        }
        else if (ns is null)
        {
            metadata["namespace"] = path.Namespace;
        }
        else if (ns != path.Namespace)
        {
            throw ApiError.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        var name = ObjectMeta.Name(obj);
        if (path.Name is not null)
        {
            if (name.Length == 0)
            {
                metadata["name"] = path.Name;
            }
            else if (name != path.Name)
            {
                throw ApiError.BadRequest($"the name of the object ({name}) does not match the name on the URL ({path.Name})");
            }
        }
    }

    /// <summary>Gives a new object its name (from generateName when it has none), uid, timestamp and generation.</summary>
    public static void ForCreate(JsonObject obj, SandboxResource resource, DateTimeOffset now)
    {
        var metadata = ObjectMeta.Of(obj);
        if (ObjectMeta.Name(obj).Length == 0)
        {
            if (ObjectMeta.Text(obj, "generateName") is not { Length: > 0 } prefix)
            {
                throw new ApiError(422, "Invalid", $"{resource.Kind} \"\" is invalid: metadata.name: Required value: name or generateName is required");
            }

            metadata["name"] = ObjectNames.Generate(prefix);
        }

        CheckName(obj, resource);
        metadata.Remove("resourceVersion");
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = Apply.ManagedFieldsEntry.Format(now);
        metadata.Remove("generation");
        if (HasGeneration(obj))
        {
            metadata["generation"] = 1L;
        }

        if (IsNamespace(resource))
        {
            obj["status"] = new JsonObject { ["phase"] = "Active" };
            LabelWithName(obj);
        }
    }

    /// <summary>Carries the server-owned fields of the stored object (but managedFields, which the field manager keeps) over to its replacement.</summary>
    public static void ForUpdate(JsonObject updated, JsonObject current)
    {
        if (JsonText.Of(current["kind"]) == "Namespace" && JsonText.Of(current["apiVersion"]) == "v1")
        {
            LabelWithName(updated);
        }

        var metadata = ObjectMeta.Of(updated);
        var stored = ObjectMeta.Of(current);
        foreach (var field in new[] { "uid", "creationTimestamp" })
        {
            metadata[field] = stored[field]?.DeepClone();
            if (metadata[field] is null)
            {
                metadata.Remove(field);
            }
        }

        metadata["resourceVersion"] = stored["resourceVersion"]?.DeepClone();
        var generation = JsonText.Long(stored["generation"]);
        metadata.Remove("generation");
        if (generation is { } g)
        {
            metadata["generation"] = SpecChanged(current, updated) ? g + 1 : g;
        }

        if (updated["status"] is null && current["status"] is { } status)
        {
            // Status belongs to its subresource: a write to the object does not drop it.
            updated["status"] = status.DeepClone();
        }
    }

    /// <summary>
    /// Gives a namespace the label <c>kubernetes.io/metadata.name</c> with its name, as kube-apiserver does on every
    /// create and update, so that namespaceSelectors (of webhooks, network policies) can select a namespace by name.
    /// </summary>
    private static void LabelWithName(JsonObject ns)
    {
        var metadata = ObjectMeta.Of(ns);
        if (metadata["labels"] is not JsonObject labels)
        {
            labels = [];
            metadata["labels"] = labels;
        }

        labels[NamespaceNameLabel] = ObjectMeta.Name(ns);
    }

    private static bool IsNamespace(SandboxResource resource) => resource.Group.Length == 0 && resource.Plural == "namespaces";

    public static void CheckName(JsonObject obj, SandboxResource resource)
    {
        var name = ObjectMeta.Name(obj);
        if (ObjectNames.Problem(resource, name) is { } problem)
        {
            throw ApiError.Invalid(resource, name, "metadata.name", name, problem);
        }
    }

    /// <summary>
    /// Objects with a spec (and webhook configurations) carry a generation; ConfigMaps, Secrets, RBAC objects and
    /// the like have none, as in Kubernetes.
    /// </summary>
    private static bool HasGeneration(JsonObject obj) => obj.ContainsKey("spec") || obj.ContainsKey("webhooks");

    private static bool SpecChanged(JsonObject before, JsonObject after)
    {
        var fields = before.Select(f => f.Key).Union(after.Select(f => f.Key)).Where(f => f is not ("metadata" or "status" or "apiVersion" or "kind"));
        return fields.Any(f => !JsonNode.DeepEquals(before[f], after[f]));
    }
}
