namespace Palisade.Kube.Cluster;

/// <summary>A kind the API server serves: where it lives in the REST tree and whether its objects sit in a namespace.</summary>
/// <param name="Group">The API group; empty for the core group (<c>v1</c>).</param>
public sealed record ResourceType(string Group, string Version, string Kind, string Plural, bool Namespaced)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The kind with its group, as RBAC and <c>--allow-kind</c> name it: <c>networking.k8s.io/NetworkPolicy</c>, or <c>Namespace</c> for the core group.</summary>
    public string GroupKind => Group.Length == 0 ? Kind : $"{Group}/{Kind}";

    /// <summary>The collection's path: <c>/apis/{group}/{version}[/namespaces/{ns}]/{plural}</c>, or under <c>/api/v1</c>.</summary>
    public string CollectionPath(string? ns)
    {
        var root = Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";
        return Namespaced && ns is not null ? $"{root}/namespaces/{ns}/{Plural}" : $"{root}/{Plural}";
    }

    public override string ToString() => $"{ApiVersion} {Kind}";
}
