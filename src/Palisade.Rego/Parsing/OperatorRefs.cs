using Palisade.Rego.Ast;
using Palisade.Rego.Values;

namespace Palisade.Rego.Parsing;

/// <summary>Builds the ref naming an operator's builtin: <c>plus</c>, or <c>internal.member_2</c> (var and string path).</summary>
internal static class OperatorRefs
{
    public static RefTerm Get(string name, Location location)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return new RefTerm(new VarTerm(name, location), [], location);
        }

        var parts = name.Split('.');
        var path = new Term[parts.Length - 1];
        for (var i = 1; i < parts.Length; i++)
        {
            path[i - 1] = new ScalarTerm(StringValue.Of(parts[i]), location);
        }

        return new RefTerm(new VarTerm(parts[0], location), path, location);
    }
}
