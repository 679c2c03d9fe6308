using Palisade.Rego.Values;

namespace Palisade.Policy.Gatekeeper;

/// <summary>
/// A constraint's <c>spec.match</c>. Every criterion that is set must hold, as in Gatekeeper: namespace criteria pass
/// cluster-scoped objects (other than Namespaces, which count as being in themselves), and a namespace selector
/// needs the object's Namespace.
/// </summary>
public sealed record ConstraintMatch(
    IReadOnlyList<KindMatch> Kinds,
    string Scope,
    IReadOnlyList<string> Namespaces,
    IReadOnlyList<string> ExcludedNamespaces,
    LabelSelector? LabelSelector,
    LabelSelector? NamespaceSelector,
    string Name)
{
    public static readonly ConstraintMatch Everything = new([], "*", [], [], null, null, string.Empty);

    public static ConstraintMatch Read(Value? match, string where)
    {
        if (match is null or NullValue)
        {
            return Everything;
        }

        var kinds = match.GetArray("kinds").Select(k => new KindMatch(k.GetStrings("apiGroups"), k.GetStrings("kinds"))).ToArray();
        var labels = match.Get("labelSelector") is { } l and not NullValue ? LabelSelector.Read(l, where + ": match.labelSelector") : null;
        var namespaces = match.Get("namespaceSelector") is { } n and not NullValue ? LabelSelector.Read(n, where + ": match.namespaceSelector") : null;
        return new ConstraintMatch(
            kinds,
            match.GetString("scope") ?? "*",
            match.GetStrings("namespaces"),
            match.GetStrings("excludedNamespaces"),
            labels,
            namespaces,
            match.GetString("name") ?? string.Empty);
    }

    /// <summary>Whether the object under review is in scope; <paramref name="namespaceObject"/> is its Namespace object when known.</summary>
    public bool Matches(ReviewedObject target, Value? namespaceObject)
    {
        var gvk = target.Kind;
        var hasNamespace = target.Namespace.Length > 0 || namespaceObject is not null;
        var scoped = Scope switch
        {
            "Cluster" => gvk.IsNamespace || !hasNamespace,
            "Namespaced" => !gvk.IsNamespace && hasNamespace,
            _ => true,
        };
        return scoped
            && (Kinds.Count == 0 || Kinds.Any(k => k.Matches(gvk)))
            && NamespacesMatch(target, namespaceObject)
            && (LabelSelector is null || LabelSelector.Matches(target.Object.GetStringMap("metadata", "labels")))
            && NamespaceSelectorMatches(target, namespaceObject)
            && (Name.Length == 0 || Wildcard.Matches(Name, target.Name));
    }

    private bool NamespacesMatch(ReviewedObject target, Value? namespaceObject)
    {
        var name = target.Kind.IsNamespace ? target.Name : namespaceObject.GetString("metadata", "name") ?? target.Namespace;
        if (name.Length == 0)
        {
            return true;
        }

        return (Namespaces.Count == 0 || Namespaces.Any(p => Wildcard.Matches(p, name)))
            && !ExcludedNamespaces.Any(p => Wildcard.Matches(p, name));
    }

    private bool NamespaceSelectorMatches(ReviewedObject target, Value? namespaceObject)
    {
        if (NamespaceSelector is null)
        {
            return true;
        }

        if (target.Kind.IsNamespace)
        {
            return NamespaceSelector.Matches(target.Object.GetStringMap("metadata", "labels"));
        }

        if (namespaceObject is null)
        {
            if (target.Namespace.Length == 0)
            {
                return true;
            }

            throw new GatekeeperException($"namespace selector for namespace-scoped object but missing Namespace {target.Namespace}");
        }

        return NamespaceSelector.Matches(namespaceObject.GetStringMap("metadata", "labels"));
    }
}
