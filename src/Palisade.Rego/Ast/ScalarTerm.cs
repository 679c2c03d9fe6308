using Palisade.Rego.Values;

namespace Palisade.Rego.Ast;

/// <summary>A null, boolean, number or string literal.</summary>
public sealed record ScalarTerm(Value Value, Location Location) : Term(Location)
{
    public bool IsString(out string text)
    {
        text = Value is StringValue s ? s.Value : string.Empty;
        return Value is StringValue;
    }
}
