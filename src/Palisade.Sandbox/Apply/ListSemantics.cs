namespace Palisade.Sandbox.Apply;

/// <summary>
/// How a list field merges, for server-side apply, managed fields and strategic merge patches. The sandbox has no
/// OpenAPI schemas, so the few associative lists of the served kinds are named here; every other list is atomic
/// (replaced whole, owned as one field), which is what the Kubernetes NetworkPolicy rule lists declare
/// (<c>+listType=atomic</c>) and what Calico's rule lists, which have no merge keys, behave as.
/// </summary>
internal static class ListSemantics
{
    /// <summary>Lists of objects merged by a key field, by the dotted path of the list from the object root.</summary>
    private static readonly Dictionary<string, string> MapLists = new(StringComparer.Ordinal)
    {
        ["metadata.ownerReferences"] = "uid",
        ["webhooks"] = "name",
        ["spec.versions"] = "name",
    };

    /// <summary>Lists of scalars merged as sets.</summary>
    private static readonly HashSet<string> SetLists = new(StringComparer.Ordinal) { "metadata.finalizers" };

    /// <summary>Maps whose keys are owned one by one and whose node is owned too (<c>.</c> in fieldsV1), as for string maps in Kubernetes.</summary>
    private static readonly HashSet<string> GranularMaps = new(StringComparer.Ordinal) { "metadata.labels", "metadata.annotations" };

    public static string? MergeKey(string path) => MapLists.GetValueOrDefault(path);

    public static bool IsSet(string path) => SetLists.Contains(path);

    public static bool IsGranularMap(string path) => GranularMaps.Contains(path);

    public static string Child(string path, string field) => path.Length == 0 ? field : $"{path}.{field}";
}
