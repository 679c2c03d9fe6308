using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.Graphql.GraphqlCalls;

namespace Palisade.Rego.Tests.Builtins.Graphql;

/// <summary>Tokens as gqlparser reads them: string escapes, block strings, numbers, and positions counted in code points.</summary>
public sealed class LexerTests
{
    private static Value FirstArgument(string query)
    {
        var document = (ObjectValue)Ok("graphql.parse_query", S(query));
        document.TryGetValue("Operations", out var operations);
        ((ObjectValue)((ArrayValue)operations)[0]).TryGetValue("SelectionSet", out var selections);
        ((ObjectValue)((ArrayValue)selections)[0]).TryGetValue("Arguments", out var arguments);
        ((ObjectValue)((ArrayValue)arguments)[0]).TryGetValue("Value", out var value);
        return value;
    }

    private static string Raw(string query)
    {
        ((ObjectValue)FirstArgument(query)).TryGetValue("Raw", out var raw);
        return ((StringValue)raw).Value;
    }

    private static int Kind(string query)
    {
        ((ObjectValue)FirstArgument(query)).TryGetValue("Kind", out var kind);
        return ((NumberValue)kind).TryGetInt32(out var k) ? k : -1;
    }

    [Theory]
    [InlineData("""{ f(a: "q\"b\\s\/n\nt\tu\u0041") }""", "q\"b\\s/n\nt\tuA")]
    [InlineData("{ f(a: \"\"\"\n    one\n      two\n\"\"\") }", "one\n  two")]
    [InlineData("{ f(a: \"\"\"x \\\"\"\" y\"\"\") }", "x \"\"\" y")]
    [InlineData("{ f(a: \"\"\"a\r\nb\"\"\") }", "a\nb")]
    public void StringsAreDecoded(string query, string expected) => Assert.Equal(expected, Raw(query));

    [Theory]
    [InlineData("{ f(a: -12) }", 1, "-12")]
    [InlineData("{ f(a: 0.5e-3) }", 2, "0.5e-3")]
    [InlineData("{ f(a: 1E9) }", 2, "1E9")]
    [InlineData("{ f(a: ENUM) }", 7, "ENUM")]
    public void NumbersKeepTheirText(string query, int kind, string raw)
    {
        Assert.Equal(kind, Kind(query));
        Assert.Equal(raw, Raw(query));
    }

    // gqlparser's parser meets an unreadable token while peeking, so it reports the token (named "Invalid") at the
    // lexer's position rather than the lexer's own message.
    [Theory]
    [InlineData("{ f(a: 01) }", "Unexpected Invalid in GraphQL string at location 1:9")]
    [InlineData("{ f(a: 1.) }", "Unexpected Invalid in GraphQL string at location 1:10")]
    [InlineData("{ f(a: \"\\x\") }", "Unexpected Invalid in GraphQL string at location 1:10")]
    [InlineData("{ f(a: 'x') }", "Unexpected Invalid in GraphQL string at location 1:8")]
    [InlineData("{ f ? }", "Expected Name, found Invalid in GraphQL string at location 1:5")]
    [InlineData("{ f \ud800 }", "Expected Name, found Invalid in GraphQL string at location 1:5")]
    [InlineData("\ud800", "Unexpected Invalid in GraphQL string at location 1:1")]
    [InlineData("{ f(a: \"😀\") b: }", "Expected Name, found } in GraphQL string at location 1:16")]
    // After "\r\n" gqlparser starts the line before the "\n", so columns on that line are one higher.
    [InlineData("# 😀 comment\r\n  {", "Expected Name, found <EOF> in GraphQL string at location 2:5")]
    [InlineData("# 😀 comment\n  {", "Expected Name, found <EOF> in GraphQL string at location 2:4")]
    public void ErrorsMatchGqlparser(string query, string message)
    {
        var (_, error) = Call("graphql.parse_query", S(query));
        Assert.Equal("graphql.parse_query: " + message, error);
    }
}
