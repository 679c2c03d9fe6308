using Palisade.Rego.Values;

namespace Palisade.Rego.Ast;

/// <summary>A related resource: a URL reference, with an optional description.</summary>
public sealed record RelatedResource(string Ref, string Description)
{
    public ObjectValue ToValue() => Description.Length > 0
        ? ObjectValue.Of(("ref", StringValue.Of(Ref)), ("description", StringValue.Of(Description)))
        : ObjectValue.Of(("ref", StringValue.Of(Ref)));
}
