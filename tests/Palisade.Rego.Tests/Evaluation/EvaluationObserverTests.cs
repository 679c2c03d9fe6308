using Palisade.Rego.Errors;
using Palisade.Rego.Evaluation;
using Palisade.Rego.Evaluation.Tracing;
using Palisade.Rego.Values;

namespace Palisade.Rego.Tests.Evaluation;

/// <summary>What an evaluation reports besides its results: the trace, and the builtin errors it swallowed.</summary>
public sealed class EvaluationObserverTests
{
    private const string Module = """
        package t

        small(x) if x < 10

        allow if {
            some n in input.numbers
            small(n)
        }

        port := to_number(input.port)
        """;

    private static PreparedQuery Prepare(string query) => new RegoEngine().AddModule("t.rego", Module).Prepare(query);

    [Fact]
    public void TheTraceShowsRulesEnteredAndExpressionsTriedFailedAndRetried()
    {
        var events = new List<TraceEvent>();
        var input = ValueJson.Parse("""{"numbers": [12, 3]}""");

        var results = Prepare("data.t.allow").Evaluate(input, limits: null, new EvaluationObserver { Trace = events.Add });

        Assert.Single(results);
        var lines = TraceFormatter.Pretty(events).ToList();
        Assert.Equal("Enter data.t.allow", lines[0]);
        Assert.Equal("| Eval data.t.allow", lines[1]);
        Assert.Contains("| Enter data.t.allow", lines);
        Assert.Contains("| | Enter data.t.small", lines);
        Assert.Contains(lines, l => l.StartsWith("| | | Fail ", StringComparison.Ordinal) && l.EndsWith(" < 10", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("| | Redo ", StringComparison.Ordinal));
        Assert.Contains("| | Exit data.t.allow", lines);
        Assert.All(events, e => Assert.True(e.Depth >= 0));
    }

    [Fact]
    public void NoTraceIsRecordedUnlessAsked()
    {
        var observer = new EvaluationObserver();

        var results = Prepare("data.t.allow").Evaluate(ValueJson.Parse("""{"numbers": [1]}"""), limits: null, observer);

        Assert.Single(results);
        Assert.Null(observer.Trace);
    }

    [Fact]
    public void ABuiltinErrorIsReportedAndTheExpressionIsUndefined()
    {
        var errors = new List<RegoException>();

        var results = Prepare("x := data.t.port").Evaluate(ValueJson.Parse("""{"port": "eighty"}"""), limits: null, new EvaluationObserver { BuiltinError = errors.Add });

        Assert.Empty(results);
        var error = Assert.Single(errors);
        Assert.Equal(ErrorCodes.BuiltinError, error.Code);
        Assert.StartsWith("to_number: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(10, error.Location.Line);
    }

    [Fact]
    public void WithStrictBuiltinErrorsTheErrorEndsTheQueryInstead()
    {
        var errors = new List<RegoException>();
        var query = Prepare("x := data.t.port");

        var thrown = Assert.Throws<RegoException>(() => query.Evaluate(
            ValueJson.Parse("""{"port": "eighty"}"""), new EvaluationLimits { StrictBuiltinErrors = true }, new EvaluationObserver { BuiltinError = errors.Add }));

        Assert.Equal(ErrorCodes.BuiltinError, thrown.Code);
        Assert.Empty(errors);
    }
}
