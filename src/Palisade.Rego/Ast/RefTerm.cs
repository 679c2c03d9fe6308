namespace Palisade.Rego.Ast;

/// <summary>
/// A reference: a head term followed by a path. <c>input.a[x]["b"]</c> has head <c>input</c> and path
/// <c>"a", x, "b"</c> (dotted names are string terms). <c>data</c> and <c>input</c> alone are refs with an empty path.
/// </summary>
public sealed record RefTerm(Term Head, IReadOnlyList<Term> Path, Location Location) : Term(Location)
{
    /// <summary>The head's name when it is a variable, else null.</summary>
    public string? HeadName => Head is VarTerm v ? v.Name : null;

    /// <summary>Dotted form (<c>a.b.c</c>) when every path element is a string that reads as a name; else null.</summary>
    public string? DottedName()
    {
        if (Head is not VarTerm head)
        {
            return null;
        }

        if (Path.Count == 0)
        {
            return head.Name;
        }

        var builder = new System.Text.StringBuilder(head.Name);
        foreach (var item in Path)
        {
            if (!(item is ScalarTerm s && s.IsString(out var text) && Syntax.Identifiers.IsIdentifier(text)))
            {
                return null;
            }

            builder.Append('.').Append(text);
        }

        return builder.ToString();
    }
}
