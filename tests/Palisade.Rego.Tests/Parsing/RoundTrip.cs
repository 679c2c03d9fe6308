using Palisade.Rego.Ast;
using Palisade.Rego.Parsing;

namespace Palisade.Rego.Tests.Parsing;

/// <summary>
/// Text → tree → text → tree: the printed form must parse (as v1) to a tree that prints identically, i.e. the two
/// trees agree in everything but locations.
/// </summary>
internal static class RoundTrip
{
    private static readonly ParserOptions V1 = new() { DefaultVersion = RegoVersion.V1 };

    /// <summary>Null when the module survives the round trip, else what went wrong.</summary>
    public static string? CheckModule(Module module)
    {
        var printed = module.ToString();
        Module again;
        try
        {
            again = RegoParser.ParseModule(printed, V1);
        }
        catch (RegoParseException e)
        {
            return $"printed module does not parse: {e.Message}\n{printed}";
        }

        var reprinted = again.ToString();
        return reprinted == printed ? null : $"printed module changed on reparse:\n{printed}\n---\n{reprinted}";
    }

    public static string? CheckQuery(Body query)
    {
        var printed = query.ToString();
        Body again;
        try
        {
            again = RegoParser.ParseQuery(printed, V1);
        }
        catch (RegoParseException e)
        {
            return $"printed query does not parse: {e.Message}\n{printed}";
        }

        var reprinted = again.ToString();
        return reprinted == printed ? null : $"printed query changed on reparse:\n{printed}\n---\n{reprinted}";
    }
}
