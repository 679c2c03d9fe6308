using Palisade.Rego.Values;

namespace Palisade.Rego.Ast;

/// <summary>
/// A schema for the document at <see cref="Path"/>: either a reference into <c>schema</c> or an inline definition.
/// Paths are kept as OPA prints them in the object form: each element a string (the root var by its name).
/// </summary>
public sealed record SchemaAnnotation(IReadOnlyList<Value> Path, IReadOnlyList<Value>? Schema, Value? Definition)
{
    public ObjectValue ToValue()
    {
        var fields = new List<(string, Value)>();
        if (Path.Count > 0)
        {
            fields.Add(("path", ArrayValue.Of(Path)));
        }

        if (Schema is { Count: > 0 })
        {
            fields.Add(("schema", ArrayValue.Of(Schema)));
        }

        if (Definition is not null)
        {
            fields.Add(("definition", Definition));
        }

        return ObjectValue.Of([.. fields]);
    }
}
