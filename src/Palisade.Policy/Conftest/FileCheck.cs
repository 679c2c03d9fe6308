using Palisade.Policy.Checks;
using Palisade.Rego;
using Palisade.Rego.Ast;
using Palisade.Rego.Errors;
using Palisade.Rego.Evaluation;
using Palisade.Rego.Evaluation.Tracing;
using Palisade.Rego.Values;

namespace Palisade.Policy.Conftest;

/// <summary>One input checked against one namespace: conftest's <c>check</c>, once per document, added up.</summary>
internal sealed class FileCheck(string fileName, CheckedNamespace ns, ObjectValue data, List<string>? trace, List<RegoException>? builtinErrors, TimeSpan? queryTimeout)
{
    private readonly List<CheckResult> _failures = [];
    private readonly List<CheckResult> _warnings = [];
    private readonly List<CheckResult> _exceptions = [];
    private readonly List<string> _outputs = [];
    private int _successes;

    public FileCheckResults Run(IReadOnlyList<InputDocument> documents)
    {
        foreach (var document in documents)
        {
            CheckDocument(document);
        }

        return new FileCheckResults(fileName, ns.Name, _successes, _failures, _warnings, _exceptions, []) { Outputs = _outputs };
    }

    private void CheckDocument(InputDocument document)
    {
        var before = (_failures.Count, _warnings.Count, _exceptions.Count);
        var successes = 0;
        foreach (var rule in ns.Rules)
        {
            var (exceptionResults, exceptionOutputs) = Evaluate(rule.PreparedException, rule.ExceptionQuery, document.Value);
            var exempt = exceptionResults.Count > 0;
            foreach (var _ in exceptionResults)
            {
                _exceptions.Add(new CheckResult(rule.ExceptionQuery, document.Location, ObjectValue.Empty, rule.ExceptionQuery, exceptionOutputs));
            }

            var (ruleResults, outputs) = Evaluate(rule.Prepared, rule.Query, document.Value);
            if (exempt)
            {
                continue;
            }

            var (messages, passed) = RuleResults.Read(ruleResults, rule.Query, document.Location, outputs);
            successes += passed;
            (rule.IsFailure ? _failures : _warnings).AddRange(messages);
        }

        // conftest reports one success per passing rule name, however many definitions it has; the definitions
        // that produced no result at all count as successes too.
        var results = _failures.Count - before.Item1 + _warnings.Count - before.Item2 + _exceptions.Count - before.Item3 + successes;
        if (results < ns.Definitions)
        {
            successes += ns.Definitions - results;
        }

        _successes += successes;
    }

    private (IReadOnlyList<QueryResult> Results, IReadOnlyList<string> Outputs) Evaluate(PreparedQuery query, string text, Value input)
    {
        var outputs = new List<string>();
        var events = trace is null ? null : new List<TraceEvent>();
        var limits = queryTimeout is { } timeout ? new EvaluationLimits { Deadline = DateTimeOffset.UtcNow + timeout } : null;
        var results = query.WithData(data).Evaluate(input, limits, new EvaluationObserver
        {
            LocatedPrint = (location, line) => outputs.Add(Located(location, line)),
            BuiltinError = builtinErrors is null ? null : error => builtinErrors.Add(error),
            Trace = events is null ? null : events.Add,
        });
        _outputs.AddRange(outputs);
        if (trace is not null)
        {
            trace.Add($"file: {fileName} | query: {text}");
            trace.AddRange(TraceFormatter.Pretty(events!).Concat(outputs).Select(line => "TRAC   " + line));
        }

        return (results, outputs);
    }

    /// <summary>conftest shows print output as OPA's print hook gets it: <c>file:line: text</c>.</summary>
    private static string Located(Location location, string text) => $"{location.File}:{location.Line}: {text}";
}
