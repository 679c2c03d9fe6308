using Palisade.Rego.Errors;
using Palisade.Rego.Evaluation;
using Palisade.Rego.Parsing;
using Palisade.Rego.Values;

namespace Palisade.Rego.Conformance;

/// <summary>The verdict on one case: passed, or why not.</summary>
public sealed record CaseOutcome(ConformanceCase Case, bool Passed, string? Reason);

/// <summary>
/// Runs a case and judges it as OPA's own conformance runner does: results compared as a set of bindings
/// (arrays in them sorted first when the case says <c>sort_bindings</c>), errors by code and message substring.
/// </summary>
public static class CaseRunner
{
    public static CaseOutcome Run(ConformanceCase testCase)
    {
        IReadOnlyList<QueryResult> results;
        try
        {
            var engine = new RegoEngine();
            for (var i = 0; i < testCase.Modules.Count; i++)
            {
                engine.AddModule($"test-{i}.rego", testCase.Modules[i]);
            }

            engine.AddData(testCase.Data);
            var input = testCase.Input ?? (testCase.InputTerm is { } term ? EvaluateTerm(term) : null);
            var limits = new EvaluationLimits { StrictBuiltinErrors = testCase.StrictError, Deadline = DateTimeOffset.UtcNow.AddSeconds(10) };
            results = engine.Prepare(testCase.Query).Evaluate(input, limits);
        }
        catch (RegoException ex)
        {
            return JudgeError(testCase, ex.Code, ex.ToString());
        }
        catch (RegoParseException ex)
        {
            return JudgeError(testCase, ErrorCodes.ParseError, ex.Message);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new CaseOutcome(testCase, false, $"crashed: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}");
        }

        if (testCase.WantErrorCode is not null || testCase.WantError is not null)
        {
            return new CaseOutcome(testCase, false, $"expected error {testCase.WantErrorCode} {testCase.WantError}, got {results.Count} results");
        }

        if (testCase.WantResult is null)
        {
            return new CaseOutcome(testCase, true, null);
        }

        var actual = Normalize(results.Select(r => ObjectValue.Of(r.Bindings.Select(b => new KeyValuePair<Value, Value>(StringValue.Of(b.Key), b.Value)))), testCase.SortBindings);
        var expected = Normalize(testCase.WantResult, testCase.SortBindings);
        return actual.Count == expected.Count && actual.Zip(expected).All(p => p.First.Equals(p.Second))
            ? new CaseOutcome(testCase, true, null)
            : new CaseOutcome(testCase, false, $"want {string.Join(", ", expected)}; got {string.Join(", ", actual)}");
    }

    private static CaseOutcome JudgeError(ConformanceCase testCase, string code, string message)
    {
        if (testCase.WantErrorCode is null && testCase.WantError is null)
        {
            return new CaseOutcome(testCase, false, $"unexpected error: {message}");
        }

        if (testCase.WantErrorCode is { } wantCode && wantCode != code)
        {
            return new CaseOutcome(testCase, false, $"want error code {wantCode}, got {code}: {message}");
        }

        if (testCase.WantError is { Length: > 0 } wantMessage && !message.Contains(wantMessage, StringComparison.Ordinal))
        {
            return new CaseOutcome(testCase, false, $"want error containing \"{wantMessage}\", got: {message}");
        }

        return new CaseOutcome(testCase, true, null);
    }

    /// <summary>
    /// Results as OPA's runner sees them: round-tripped through JSON (sets become arrays, keys strings), arrays in the
    /// bindings sorted when asked, and the list of results sorted, so that order does not matter.
    /// </summary>
    private static List<Value> Normalize(IEnumerable<ObjectValue> results, bool sortBindings) =>
        results.Select(r => ValueJson.Parse(ValueJson.Serialize(r)))
            .Select(r => sortBindings ? SortArrays((ObjectValue)r) : r)
            .Order()
            .ToList();

    private static ObjectValue SortArrays(ObjectValue bindings) =>
        ObjectValue.Of(bindings.Entries.Select(e => new KeyValuePair<Value, Value>(e.Key, e.Value is ArrayValue a ? ArrayValue.Of(a.Items.ToArray().Order()) : e.Value)));

    private static Value EvaluateTerm(string term)
    {
        var result = new RegoEngine().Prepare($"__input__ = {term}").Evaluate(null);
        return result.Count == 1 && result[0].Expressions.Count == 1
            ? new RegoEngine().Prepare($"x = {term}").Evaluate(null)[0].Bindings["x"]
            : throw new InvalidOperationException($"input term {term} has no single value");
    }
}
