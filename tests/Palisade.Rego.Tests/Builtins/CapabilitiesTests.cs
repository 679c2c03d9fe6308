using Palisade.Rego.Builtins;
using Palisade.Rego.Errors;

namespace Palisade.Rego.Tests.Builtins;

public sealed class CapabilitiesTests
{
    private const string CountOnly = """{"builtins": [{"name": "count", "decl": {"type": "function"}}, {"name": "eq"}, {"name": "equal"}], "features": ["rego_v1"]}""";

    [Fact]
    public void OnlyTheNamedBuiltinsRemain()
    {
        // eq (unification) is part of the language, not a builtin of the registry.
        var registry = Capabilities.Restrict(BuiltinRegistry.Default, CountOnly);

        Assert.Equal(["count", "equal"], registry.Functions.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryCallOutsideTheCapabilitiesIsReportedAtOnce()
    {
        const string module = """
            package p

            a := count([1]) if true

            b := x if {
                x := upper("a")
                y := lower(x)
            }
            """;
        var engine = new RegoEngine(new RegoOptions { Builtins = Capabilities.Restrict(BuiltinRegistry.Default, CountOnly) })
            .AddModule("p.rego", module);

        var error = Assert.Throws<RegoException>(() => engine.Compile());

        Assert.Equal(
            ["p.rego:6: rego_type_error: undefined function upper", "p.rego:7: rego_type_error: undefined function lower"],
            error.All.Select(e => $"{e.Location}: {e.Code}: {e.Message}"));
    }

    [Theory]
    [InlineData("{}", "capabilities: a \"builtins\" array is required")]
    [InlineData("""{"builtins": [{"decl": {}}]}""", "capabilities: every builtin needs a \"name\" string")]
    public void AMalformedDocumentIsAFormatError(string json, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => Capabilities.Restrict(BuiltinRegistry.Default, json)).Message);
}
