namespace Palisade.Sandbox.Http;

/// <summary>What a resource URL names: <c>/api/v1/…</c> or <c>/apis/GROUP/VERSION/…</c>, then <c>[namespaces/NS/]PLURAL[/NAME[/SUBRESOURCE]]</c>.</summary>
internal sealed record ApiPath(SandboxResource Resource, string? Namespace, string? Name, string? Subresource)
{
    /// <summary>The target of a path below a group version; null when it names no served resource.</summary>
    public static ApiPath? Parse(ResourceCatalog catalog, string group, string version, string[] rest)
    {
        if (rest.Length >= 3 && rest[0] == "namespaces" && catalog.Find(group, version, rest[2]) is { Namespaced: true } namespaced)
        {
            return rest.Length <= 5 ? new ApiPath(namespaced, rest[1], At(rest, 3), At(rest, 4)) : null;
        }

        if (rest.Length is >= 1 and <= 3 && catalog.Find(group, version, rest[0]) is { } resource)
        {
            // An object of a namespaced resource is only reachable within its namespace.
            return resource.Namespaced && rest.Length > 1 ? null : new ApiPath(resource, null, At(rest, 1), At(rest, 2));
        }

        return null;
    }

    private static string? At(string[] parts, int index) => index < parts.Length ? Uri.UnescapeDataString(parts[index]) : null;
}
