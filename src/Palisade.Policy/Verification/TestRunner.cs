using System.Diagnostics;
using Palisade.Policy.Conftest;
using Palisade.Policy.Loading;
using Palisade.Rego;
using Palisade.Rego.Builtins;
using Palisade.Rego.Errors;
using Palisade.Rego.Evaluation;
using Palisade.Rego.Values;

namespace Palisade.Policy.Verification;

/// <summary>
/// Runs the Rego unit tests of a policy set, as <c>opa test</c> and <c>conftest verify</c> do: each <c>test_*</c> rule
/// is evaluated on its own (no input; tests bring theirs with <c>with input as …</c>) and passes when it is defined
/// and true. Compile errors in the policy set throw <see cref="RegoException"/>: no test can run then.
/// </summary>
public static class TestRunner
{
    public static IReadOnlyList<RegoTestResult> Run(PolicyFiles files, TestRunOptions options)
    {
        // conftest verify's builtins too, so that tests that load fixtures with parse_config_file run as they do there.
        var builtins = BuiltinRegistry.Default.With(ConftestBuiltins.Functions());
        var engine = new RegoEngine(new RegoOptions { RegoVersion = options.RegoVersion, Strict = options.Strict, Builtins = builtins });
        foreach (var module in files.Modules)
        {
            engine.AddModule(module);
        }

        engine.AddData(files.Data);

        // Compiles the modules once (the engine reuses it for every test), so that a compile error is reported as
        // such rather than as an error of the first test.
        engine.Prepare("true");

        var results = new List<RegoTestResult>();
        foreach (var test in TestDiscovery.Find(files.Modules))
        {
            if (options.Filter is not null && !options.Filter.IsMatch(test.FullName))
            {
                continue;
            }

            results.Add(test.IsTodo
                ? new RegoTestResult(test, TestOutcome.Skipped, TimeSpan.Zero, null, null, [])
                : RunOne(engine, test, options));
        }

        return results;
    }

    private static RegoTestResult RunOne(RegoEngine engine, RegoTest test, TestRunOptions options)
    {
        const string Variable = "test_value";
        var output = new List<string>();
        var clock = Stopwatch.StartNew();
        try
        {
            var query = engine.Prepare($"{Variable} := {test.FullName}");
            var limits = new EvaluationLimits
            {
                Deadline = DateTimeOffset.UtcNow + options.Timeout,
                MaxSteps = options.MaxSteps,
                StrictBuiltinErrors = options.StrictBuiltinErrors,
            };
            var results = query.Evaluate(input: null, limits, output.Add);
            var value = results.Count > 0 ? results[0].Bindings[Variable] : null;
            var (outcome, reason) = value switch
            {
                null => (TestOutcome.Fail, "the test is undefined"),
                BooleanValue { Value: true } => (TestOutcome.Pass, (string?)null),
                _ => (TestOutcome.Fail, "the test has the value " + ValueJson.Serialize(value) + ", not true"),
            };
            return new RegoTestResult(test, outcome, clock.Elapsed, reason, null, output);
        }
        catch (RegoException ex)
        {
            return new RegoTestResult(test, TestOutcome.Error, clock.Elapsed, null, ex, output);
        }
    }
}
