using System.CommandLine;
using System.Text.RegularExpressions;
using Palisade.Kube.Manifests;
using Palisade.Policy.Loading;
using Palisade.Policy.Verification;
using Palisade.Rego.Ast;
using Palisade.Rego.Errors;
using Palisade.Rego.Parsing;

namespace Palisade.Cli.Commands;

/// <summary><c>palisade verify [-p POLICY]… [-d DATA]… [--run REGEX]</c>: the policies' Rego unit tests, as <c>opa test</c> and <c>conftest verify</c>.</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var policy = new Option<string[]>("--policy", "-p") { Description = "Policy folders or .rego files holding the rules and their tests.", DefaultValueFactory = _ => ["policy"] };
        var data = new Option<string[]>("--data", "-d") { Description = "Data files or folders (.json, .yaml, and more .rego)." };
        var run = new Option<string?>("--run", "-r") { Description = "Run only the tests whose name (data.<package>.<rule>) matches this regular expression." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "List every test, and what each printed." };
        var output = new Option<string>("--output", "-o") { Description = "Report format: pretty or json (opa test's JSON report).", DefaultValueFactory = _ => "pretty" };
        output.AcceptOnlyFromAmong("pretty", "json");
        var regoVersion = new Option<string?>("--rego-version") { Description = "Rego version of the modules: v0 or v1 (default v1)." };
        regoVersion.AcceptOnlyFromAmong("v0", "v1");
        var v0 = new Option<bool>("--v0-compatible") { Description = "Read modules as Rego v0 (same as --rego-version v0)." };
        var strict = new Option<bool>("--strict") { Description = "Compiler strict mode: unused imports and variables, deprecated builtins are errors." };
        var strictBuiltins = new Option<bool>("--strict-builtin-errors") { Description = "A builtin error makes the test an error instead of undefined." };
        var timeout = new Option<string>("--timeout") { Description = "Longest one test may run, as a Go duration (500ms, 5s, 1m).", DefaultValueFactory = _ => "5s" };
        var suite = new Option<string[]>("--suite") { Description = "Run Gatekeeper test suites as gator verify does instead: a suite file, or a folder searched for suite.yaml (repeatable)." };
        var command = new Command("verify", "Run the Rego unit tests (test_ rules) of the policies, as opa test does.")
        {
            policy, data, run, verbose, output, regoVersion, v0, strict, strictBuiltins, timeout, suite,
        };
        command.SetAction(result =>
        {
            var stderr = result.InvocationConfiguration.Error;
            if (result.GetValue(suite) is { Length: > 0 } suites)
            {
                // Suites carry their own templates, constraints and objects; the unit-test options do not apply to them.
                var unit = new Option[] { policy, data, run, output, regoVersion, v0, strict, strictBuiltins, timeout }.FirstOrDefault(o => result.GetResult(o) is { Implicit: false });
                if (unit is not null)
                {
                    stderr.WriteLine($"verify: {unit.Name} does not apply to --suite");
                    return ExitCodes.Failure;
                }

                return VerifySuites.Run(suites, result.GetValue(verbose), result.InvocationConfiguration.Output, stderr);
            }

            var version = result.GetValue(regoVersion);
            if (result.GetValue(v0) && version == "v1")
            {
                stderr.WriteLine("verify: --v0-compatible contradicts --rego-version v1");
                return ExitCodes.Failure;
            }

            var limit = GoDuration.Parse(result.GetRequiredValue(timeout));
            if (limit is null || limit <= TimeSpan.Zero)
            {
                stderr.WriteLine($"verify: --timeout {result.GetValue(timeout)}: not a positive duration such as 5s or 500ms");
                return ExitCodes.Failure;
            }

            Regex? filter;
            try
            {
                filter = result.GetValue(run) is { } pattern ? TestRunOptions.CompileFilter(pattern) : null;
            }
            catch (ArgumentException ex)
            {
                stderr.WriteLine($"verify: --run: {ex.Message}");
                return ExitCodes.Failure;
            }

            var options = new TestRunOptions
            {
                RegoVersion = result.GetValue(v0) || version == "v0" ? RegoVersion.V0 : RegoVersion.V1,
                Strict = result.GetValue(strict),
                StrictBuiltinErrors = result.GetValue(strictBuiltins),
                Filter = filter,
                Timeout = limit.Value,
            };
            return Run(result.GetRequiredValue(policy), result.GetValue(data) ?? [], options, result.GetRequiredValue(output), result.GetValue(verbose), result.InvocationConfiguration.Output, stderr);
        });
        return command;
    }

    private static int Run(string[] policyPaths, string[] dataPaths, TestRunOptions options, string format, bool verbose, TextWriter stdout, TextWriter stderr)
    {
        IReadOnlyList<RegoTestResult> results;
        try
        {
            var loader = new PolicyLoader(regoVersion: options.RegoVersion);
            var policies = loader.Load(policyPaths);
            var data = loader.Load(dataPaths);
            results = TestRunner.Run(new PolicyFiles([.. policies.Modules, .. data.Modules], data.Data), options);
        }
        catch (RegoParseException ex)
        {
            foreach (var error in ex.Errors)
            {
                stderr.WriteLine($"{error.Location.File}:{error.Location.Line}:{error.Location.Column}: {error.Code}: {error.Message}");
            }

            return ExitCodes.Failure;
        }
        catch (RegoException ex)
        {
            foreach (var error in ex.All)
            {
                stderr.WriteLine(PrettyTestReporter.Describe(error, "query"));
            }

            return ExitCodes.Failure;
        }
        catch (ManifestException ex)
        {
            stderr.WriteLine(ex.Message);
            return ExitCodes.Failure;
        }

        if (results.Count == 0)
        {
            stderr.WriteLine(options.Filter is null ? "verify: no tests found (rules named test_*)" : "verify: no tests match --run");
            return ExitCodes.Failure;
        }

        if (format == "json")
        {
            JsonTestReporter.Write(stdout, results);
        }
        else
        {
            PrettyTestReporter.Write(stdout, results, verbose);
        }

        return TestSummary.Of(results).Succeeded ? ExitCodes.Success : ExitCodes.Failure;
    }
}
