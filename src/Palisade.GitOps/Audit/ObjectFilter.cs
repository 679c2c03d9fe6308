namespace Palisade.GitOps.Audit;

/// <summary>
/// Which objects a query asks about; a null part matches any value. Its text form is the one of
/// <see cref="ObjectRef"/> with the apiVersion and the namespace optional and <c>*</c> for any namespace or name:
/// <c>NetworkPolicy/shop/backend</c>, <c>NetworkPolicy/shop/*</c>, <c>projectcalico.org/v3/GlobalNetworkPolicy/default-deny</c>.
/// Without a namespace, objects of that name in any namespace match, which for a cluster-scoped kind is the one object.
/// </summary>
public sealed record ObjectFilter(string? ApiVersion, string? Kind, string? Namespace, string? Name)
{
    public static ObjectFilter Exactly(ObjectRef reference) => new(reference.ApiVersion, reference.Kind, reference.Namespace, reference.Name);

    public bool Matches(ObjectRef reference) =>
        (ApiVersion is null || ApiVersion == reference.ApiVersion)
        && (Kind is null || string.Equals(Kind, reference.Kind, StringComparison.OrdinalIgnoreCase))
        && (Namespace is null || Namespace == reference.Namespace)
        && (Name is null || Name == reference.Name);

    /// <summary>Throws <see cref="FormatException"/> saying what is wrong with the text.</summary>
    public static ObjectFilter Parse(string text)
    {
        var parts = ObjectRefText.Split(text);
        var @namespace = parts.Namespace is "*" ? null : parts.Namespace;
        var name = parts.Name is "*" ? null : parts.Name;
        if (ObjectRefText.Problem(parts.ApiVersion, parts.Kind, @namespace, name ?? "any") is { } problem)
        {
            throw new FormatException($"object '{text}': {problem}");
        }

        return new ObjectFilter(parts.ApiVersion, parts.Kind, @namespace, name);
    }

    public override string ToString() => $"{(ApiVersion is null ? "" : ApiVersion + "/")}{Kind ?? "*"}/{(Namespace is null ? "" : Namespace + "/")}{Name ?? "*"}";
}
