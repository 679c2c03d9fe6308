using System.CommandLine;
using Palisade.Kube.Manifests;
using Palisade.Policy.Loading;
using Palisade.Rego;
using Palisade.Rego.Ast;
using Palisade.Rego.Errors;
using Palisade.Rego.Evaluation;
using Palisade.Rego.Parsing;
using Palisade.Rego.Values;

namespace Palisade.Cli.Commands;

/// <summary><c>palisade eval [-d PATH]… [-i FILE] [--format F] QUERY</c>, as <c>opa eval</c>.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "The Rego query to evaluate, e.g. data.main.deny." };
        var data = new Option<string[]>("--data", "-d") { Description = "Policy (.rego) and data (.json, .yaml) files or folders.", AllowMultipleArgumentsPerToken = false };
        var input = new Option<string?>("--input", "-i") { Description = "The input document (JSON or YAML file)." };
        var format = new Option<string>("--format", "-f") { Description = "Output format: json, values, raw or pretty.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "values", "raw", "pretty");
        var v0 = new Option<bool>("--v0-compatible") { Description = "Read modules as Rego v0 (bodies without if, deny[msg] { … })." };
        var strict = new Option<bool>("--strict-builtin-errors") { Description = "Treat builtin errors as fatal instead of undefined." };
        var command = new Command("eval", "Evaluate a Rego query, as opa eval does.") { query, data, input, format, v0, strict };
        command.SetAction(result => Run(
            result.GetRequiredValue(query),
            result.GetValue(data) ?? [],
            result.GetValue(input),
            result.GetRequiredValue(format),
            result.GetValue(v0),
            result.GetValue(strict),
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string query, string[] dataPaths, string? inputPath, string format, bool v0, bool strict, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var version = v0 ? RegoVersion.V0 : RegoVersion.V1;
            var files = new PolicyLoader(regoVersion: version).Load(dataPaths);
            var engine = new RegoEngine(new RegoOptions { RegoVersion = version });
            foreach (var module in files.Modules)
            {
                engine.AddModule(module);
            }

            engine.AddData(files.Data);
            var input = inputPath is null ? null : ReadInput(inputPath);
            var prepared = engine.Prepare(query);
            var results = prepared.Evaluate(input, new EvaluationLimits { StrictBuiltinErrors = strict }, print: stderr.WriteLine);
            EvalOutput.Write(stdout, format, query, results);
            return ExitCodes.Success;
        }
        catch (RegoParseException ex)
        {
            return EvalOutput.WriteErrors(format, stdout, stderr, ex.Errors.Select(e => new EvalError(e.Code, e.Message, e.Location)).ToArray());
        }
        catch (RegoException ex)
        {
            return EvalOutput.WriteErrors(format, stdout, stderr, ex.All.Select(e => new EvalError(e.Code, e.Message, e.Location)).ToArray());
        }
        catch (ManifestException ex)
        {
            stderr.WriteLine(ex.Message);
            return ExitCodes.Failure;
        }
        catch (InvalidDataException ex)
        {
            stderr.WriteLine(ex.Message);
            return ExitCodes.Failure;
        }
    }

    private static Value ReadInput(string path)
    {
        var documents = new ManifestReader().ReadFile(path);
        return documents.Count == 1
            ? ManifestValues.ToValue(documents[0].Root)
            : ArrayValue.Of(documents.Select(d => ManifestValues.ToValue(d.Root)));
    }
}
