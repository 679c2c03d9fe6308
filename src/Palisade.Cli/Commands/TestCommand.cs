using System.CommandLine;
using Palisade.Kube.Manifests;
using Palisade.Policy.Conftest;
using Palisade.Policy.Conftest.Settings;
using Palisade.Policy.Reporting;
using Palisade.Rego.Ast;
using Palisade.Rego.Builtins;
using Palisade.Rego.Errors;
using Palisade.Rego.Parsing;

namespace Palisade.Cli.Commands;

/// <summary><c>palisade test PATH...</c>: a drop-in for <c>conftest test</c>, with file:line on every result.</summary>
internal static class TestCommand
{
    /// <summary>The test command; <paramref name="globalConfigFile"/> is the root's <c>-c</c>, given before <c>test</c> as conftest takes it.</summary>
    public static Command Create(Option<string?> globalConfigFile)
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders to check; - reads standard input.", Arity = ArgumentArity.OneOrMore };
        var policy = new Option<string[]>("--policy", "-p") { Description = "Policy (.rego) files or folders.", DefaultValueFactory = _ => ["policy"] };
        var shared = new CheckOptions();
        var (data, ns, allNamespaces) = (shared.Data, shared.Namespace, shared.AllNamespaces);
        var combine = new Option<bool>("--combine") { Description = "Check all inputs at once, as an array of {path, contents}." };
        var ignore = new Option<string?>("--ignore") { Description = "Regular expression: skip matching paths while walking folders." };
        var parser = new Option<string?>("--parser") { Description = "Read every input with this parser: yaml, json or toml." };
        parser.AcceptOnlyFromAmong([.. InputReader.Parsers]);
        var output = shared.Output;
        var strict = new Option<bool>("--strict") { Description = "OPA's compiler strict mode: unused variables and imports are errors." };
        var (regoVersion, v0) = (shared.RegoVersion, shared.V0Compatible);
        var trace = new Option<bool>("--trace") { Description = "Print each query's evaluation trace (with the stdout format, instead of the results; otherwise to standard error)." };
        var showBuiltinErrors = new Option<bool>("--show-builtin-errors") { Description = "Fail when a builtin function errs, instead of treating its result as undefined." };
        var githubHidePassed = new Option<bool>("--github-hide-passed") { Description = "GitHub output: leave out the inputs on which every check passed." };
        var (failOnWarn, noFail) = (shared.FailOnWarn, shared.NoFail);
        var quiet = new Option<bool>("--quiet") { Description = "Print nothing when the exit code is 0." };
        var suppressExceptions = new Option<bool>("--suppress-exceptions") { Description = "Leave exceptions out of the output (they are still counted)." };
        var noColor = new Option<bool>("--no-color") { Description = "No ANSI colours (they are only used when standard output is a terminal)." };
        var junitHideMessage = new Option<bool>("--junit-hide-message") { Description = "JUnit output: name test cases by file only, without the message." };
        var capabilities = new Option<string?>("--capabilities") { Description = "OPA capabilities file (JSON): policies may call only the builtins it names." };
        var configFile = ConfigFileOption();
        var command = new Command("test", "Check configuration files against Rego policies, as conftest test does.")
        {
            paths, policy, data, ns, allNamespaces, combine, ignore, parser, output, strict, regoVersion, v0, trace,
            failOnWarn, noFail, quiet, suppressExceptions, noColor, junitHideMessage, githubHidePassed, capabilities, showBuiltinErrors, configFile,
        };
        command.SetAction(result =>
        {
            var stdout = result.InvocationConfiguration.Output;
            var stderr = result.InvocationConfiguration.Error;
            try
            {
                var file = TestSettings.ReadConfigFile(result, configFile, globalConfigFile);
                var settings = new TestSettings(result, new SettingSources(file, Environment.GetEnvironmentVariable));
                var options = new ConftestOptions
                {
                    Policies = settings.Strings(policy),
                    Data = settings.Strings(data),
                    Namespaces = settings.Strings(ns),
                    AllNamespaces = settings.Bool(allNamespaces),
                    Combine = settings.Bool(combine),
                    Ignore = settings.Optional(ignore),
                    Parser = settings.Optional(parser, InputReader.Parsers),
                    Strict = settings.Bool(strict),
                    RegoVersion = settings.Bool(v0) || settings.Required(regoVersion, ["v0", "v1"]) == "v0" ? RegoVersion.V0 : RegoVersion.V1,
                    Trace = settings.Bool(trace),
                    ShowBuiltinErrors = settings.Bool(showBuiltinErrors),
                    Builtins = settings.Optional(capabilities) is { } capabilitiesFile ? ReadCapabilities(capabilitiesFile) : BuiltinRegistry.Default,
                };
                var reporter = new ReporterOptions
                {
                    Color = !settings.Bool(noColor) && ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected,
                    SuppressExceptions = settings.Bool(suppressExceptions),
                    JUnitHideMessage = settings.Bool(junitHideMessage),
                    GitHubHidePassed = settings.Bool(githubHidePassed),
                };
                var exit = new ExitRules(settings.Bool(failOnWarn), settings.Bool(noFail), settings.Bool(quiet));
                var format = settings.Required(output, Reporters.Names);
                return Run(result.GetRequiredValue(paths), options, format, reporter, exit, stdout, stderr);
            }
            catch (ConftestException ex)
            {
                stderr.WriteLine("Error: " + ex.Message);
                return ExitCodes.Failure;
            }
        });
        return command;
    }

    private static BuiltinRegistry ReadCapabilities(string file)
    {
        try
        {
            return Capabilities.Restrict(BuiltinRegistry.Default, File.ReadAllText(file));
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
        {
            throw new ConftestException(SourceLocation.OfFile(file), ex.Message);
        }
    }

    /// <summary><c>-c/--config-file</c>: the conftest configuration file to read settings from.</summary>
    public static Option<string?> ConfigFileOption() =>
        new("--config-file", "-c") { Description = "Configuration file with default settings, as conftest reads it (default: conftest.toml in the current folder)." };

    private static int Run(string[] paths, ConftestOptions options, string format, ReporterOptions reporterOptions, ExitRules exit, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var reader = new ManifestReader();
            var policy = ConftestPolicy.Load(options, reader);
            var inputs = new InputReader(reader, options.Parser, options.Ignore, ReadStdin);
            var run = new ConftestRunner(policy, options).Run(inputs.Find(paths), inputs);

            // As conftest: with the stdout format, the trace takes the place of the results.
            var traceReplacesResults = options.Trace && format == StdoutReporter.FormatName;
            foreach (var line in run.Trace)
            {
                (traceReplacesResults ? stdout : stderr).WriteLine(line);
            }

            var code = run.Report.ExitCode(exit.FailOnWarn, exit.NoFail);
            if (!(exit.Quiet && code == ExitCodes.Success) && !traceReplacesResults)
            {
                Reporters.ByName(format, reporterOptions)!.Write(run.Report, stdout);
            }

            return code;
        }
        catch (Exception ex) when (ErrorMessage(ex) is { } message)
        {
            stderr.WriteLine("Error: " + message);
            return ExitCodes.Failure;
        }
    }

    /// <summary>The one-line (per error) message for the errors bad input causes; null for bugs, which should surface.</summary>
    private static string? ErrorMessage(Exception ex) => ex switch
    {
        ConftestException or ManifestException or InvalidDataException or RegoParseException => ex.Message,
        RegoException rego => rego.ToString(),
        _ => null,
    };

    private static byte[] ReadStdin()
    {
        using var stdin = Console.OpenStandardInput();
        using var buffer = new MemoryStream();
        stdin.CopyTo(buffer);
        return buffer.ToArray();
    }

    private sealed record ExitRules(bool FailOnWarn, bool NoFail, bool Quiet);
}
