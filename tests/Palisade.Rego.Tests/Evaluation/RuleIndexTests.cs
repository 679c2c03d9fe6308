using Palisade.Rego.Errors;
using Palisade.Rego.Evaluation;
using Palisade.Rego.Values;

namespace Palisade.Rego.Tests.Evaluation;

/// <summary>
/// Rules that test one input field against constants are indexed by it: only the rules that can match run, and the
/// results are those of running every rule.
/// </summary>
public sealed class RuleIndexTests
{
    private const string Module = """
        package t

        kinds contains "pod" if input.kind == "Pod"

        kinds contains "pod-again" if {
            "Pod" = input.kind
            input.spec
        }

        kinds contains "service" if input.kind == "Service"

        kinds contains "any" if input.spec

        kinds contains "number" if input.kind == 1

        first := "pod" if input.kind == "Pod"
        else := "other"

        kind := "service" if input.kind == "Service"

        kind := "deployment" if input.kind == "Deployment"
        """;

    [Theory]
    [InlineData("""{"kind": "Pod", "spec": {}}""", """{"kinds": ["any", "pod", "pod-again"], "first": "pod"}""")]
    [InlineData("""{"kind": "Pod"}""", """{"kinds": ["pod"], "first": "pod"}""")]
    [InlineData("""{"kind": "Service", "spec": {}}""", """{"kinds": ["any", "service"], "first": "other", "kind": "service"}""")]
    [InlineData("""{"kind": "Deployment"}""", """{"kinds": [], "first": "other", "kind": "deployment"}""")]
    [InlineData("""{"kind": 1.0}""", """{"kinds": ["number"], "first": "other"}""")]
    [InlineData("""{"spec": {}}""", """{"kinds": ["any"], "first": "other"}""")]
    [InlineData("""{"kind": "Secret"}""", """{"kinds": [], "first": "other"}""")]
    public void IndexedRulesGiveTheResultsOfAllRules(string input, string expected)
    {
        var query = new RegoEngine().AddModule("t.rego", Module)
            .Prepare("""x := {"kinds": sort(data.t.kinds), "first": data.t.first, "kind": data.t.kind}""");
        var undefinedKind = new RegoEngine().AddModule("t.rego", Module)
            .Prepare("""x := {"kinds": sort(data.t.kinds), "first": data.t.first}""");

        var withKind = query.Evaluate(ValueJson.Parse(input));
        var result = withKind.Count == 1 ? withKind : undefinedKind.Evaluate(ValueJson.Parse(input));

        Assert.Equal(ValueJson.Parse(expected), Assert.Single(result).Bindings["x"]);
    }

    [Fact]
    public void ARuleTheIndexRulesOutIsNotEvaluated()
    {
        // As in OPA: the body's error is never reached when the indexed field does not match.
        const string module = """
            package t

            p contains 1 if {
                x := 1 / input.zero
                input.kind == "Pod"
            }

            p contains 2 if {
                x := 1 / input.zero
                input.kind == "Service"
            }
            """;
        var query = new RegoEngine().AddModule("t.rego", module).Prepare("x := data.t.p");
        var strict = new EvaluationLimits { StrictBuiltinErrors = true };

        var result = query.Evaluate(ValueJson.Parse("""{"kind": "Secret", "zero": 0}"""), strict);
        var error = Assert.Throws<RegoException>(() => query.Evaluate(ValueJson.Parse("""{"kind": "Pod", "zero": 0}"""), strict));

        Assert.Equal(SetValue.Empty, Assert.Single(result).Bindings["x"]);
        Assert.Equal(ErrorCodes.BuiltinError, error.Code);
    }
}
