using Palisade.Rego.Ast;

namespace Palisade.Rego.Parsing;

/// <summary>Entry points: Rego text to syntax tree. Both throw <see cref="RegoParseException"/> on invalid input.</summary>
public static class RegoParser
{
    public static Module ParseModule(string text, ParserOptions? options = null) =>
        Parser.Create(text, options ?? ParserOptions.Default).ParseModule();

    /// <summary>Parses a query such as <c>data.test.p = x</c> or <c>x := 1; y := 2</c>.</summary>
    public static Body ParseQuery(string text, ParserOptions? options = null) =>
        Parser.Create(text, options ?? ParserOptions.Default).ParseQuery();
}
