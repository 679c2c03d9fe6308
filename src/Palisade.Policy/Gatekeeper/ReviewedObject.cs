using Palisade.Rego.Values;

namespace Palisade.Policy.Gatekeeper;

/// <summary>The object a review is about (the new object, or the old one on DELETE), as constraints match it.</summary>
public sealed record ReviewedObject(Value Object, GroupVersionKind Kind, string Name, string Namespace)
{
    public static ReviewedObject Of(Value obj) => new(
        obj,
        GroupVersionKind.Parse(obj.GetString("apiVersion"), obj.GetString("kind")),
        obj.GetString("metadata", "name") ?? string.Empty,
        obj.GetString("metadata", "namespace") ?? string.Empty);
}
