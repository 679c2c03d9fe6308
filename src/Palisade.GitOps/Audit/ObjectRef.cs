using System.Diagnostics.CodeAnalysis;

namespace Palisade.GitOps.Audit;

/// <summary>
/// One Kubernetes object. Its text form is <c>apiVersion/Kind/namespace/name</c>
/// (<c>projectcalico.org/v3/NetworkPolicy/shop/backend</c>), without the namespace for cluster-scoped objects
/// (<c>projectcalico.org/v3/GlobalNetworkPolicy/default-deny</c>).
/// </summary>
public sealed record ObjectRef
{
    public ObjectRef(string apiVersion, string kind, string? @namespace, string name)
    {
        if (ObjectRefText.Problem(apiVersion, kind, @namespace, name) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        ApiVersion = apiVersion;
        Kind = kind;
        Namespace = @namespace;
        Name = name;
    }

    public string ApiVersion { get; }

    public string Kind { get; }

    /// <summary>Null for cluster-scoped objects.</summary>
    public string? Namespace { get; }

    public string Name { get; }

    /// <summary>The API group: empty for the core group (<c>v1</c>).</summary>
    public string Group => ApiVersion.Contains('/') ? ApiVersion[..ApiVersion.IndexOf('/')] : "";

    public override string ToString() => Namespace is null ? $"{ApiVersion}/{Kind}/{Name}" : $"{ApiVersion}/{Kind}/{Namespace}/{Name}";

    /// <summary>Reads the text form that <see cref="ToString"/> writes; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static ObjectRef Parse(string text)
    {
        var parts = ObjectRefText.Split(text);
        if (parts.ApiVersion is null)
        {
            throw new FormatException($"object '{text}': the apiVersion is missing; expected apiVersion/Kind/[namespace/]name such as projectcalico.org/v3/NetworkPolicy/shop/backend");
        }

        if (ObjectRefText.Problem(parts.ApiVersion, parts.Kind, parts.Namespace, parts.Name) is { } problem)
        {
            throw new FormatException($"object '{text}': {problem}");
        }

        return new ObjectRef(parts.ApiVersion, parts.Kind, parts.Namespace, parts.Name);
    }

    public static bool TryParse(string text, [NotNullWhen(true)] out ObjectRef? value)
    {
        try
        {
            value = Parse(text);
            return true;
        }
        catch (FormatException)
        {
            value = null;
            return false;
        }
    }
}
