using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Palisade.Kube.Manifests;
using Palisade.Policy.Checks;
using Palisade.Rego.Values;

namespace Palisade.Policy.Reporting;

/// <summary>
/// conftest's <c>sarif</c> format: one SARIF 2.1.0 run with a rule per namespace and kind (<c>&lt;namespace&gt;/deny</c>,
/// <c>/warn</c>, <c>/allow</c> for exceptions, <c>/success</c>, <c>/skip</c>), each described as conftest does and
/// carrying the metadata of its first result as properties; a result per failure (level <c>error</c>), warning
/// (<c>warning</c>) and exception (<c>note</c>); an input with neither failures nor warnings also gets one <c>none</c>
/// result, <c>success</c> if anything passed or was excepted and <c>skip</c> otherwise; and one invocation with
/// conftest's exit code (1 on failures, whatever <c>--fail-on-warn</c> says) and its description.
/// </summary>
/// <remarks>
/// A result with a <see cref="CheckResult.Location"/> points at that file with a region (<c>startLine</c>,
/// <c>endLine</c> and, when known, <c>startColumn</c>), as conftest does for policies that report a location; otherwise
/// at the input file. The driver is named <c>palisade</c> with this build's version: the output is Palisade's, and
/// code-scanning services group alerts by tool name. As conftest's (go-sarif's <c>Write</c>), the document is one line
/// of compact JSON without a trailing newline, with <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> escaped as Go does.
/// </remarks>
public sealed class SarifReporter(string toolVersion) : IReporter
{
    public const string FormatName = "sarif";

    private const string Schema = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/main/sarif-2.1/schema/sarif-schema-2.1.0.json";
    private const string SuccessDescription = "Policy was satisfied successfully";
    private const string SkippedDescription = "Policy check was skipped";

    private static readonly JsonSerializerOptions Json = new(ValueJson.Writing) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public SarifReporter()
        : this(BuildVersion())
    {
    }

    public void Write(CheckReport report, TextWriter output)
    {
        var rules = new JsonArray();
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var results = new JsonArray();

        void Add(FileCheckResults file, string kind, string level, string message, SourceLocation? location, ObjectValue metadata)
        {
            var ruleId = $"{file.Namespace}/{kind}";
            if (!ruleIndex.TryGetValue(ruleId, out var index))
            {
                index = ruleIndex[ruleId] = rules.Count;
                rules.Add(Rule(ruleId, kind, metadata));
            }

            results.Add(new JsonObject
            {
                ["ruleId"] = ruleId,
                ["ruleIndex"] = index,
                ["level"] = level,
                ["message"] = new JsonObject { ["text"] = message },
                ["locations"] = new JsonArray(new JsonObject { ["physicalLocation"] = PhysicalLocation(file.FileName, location) }),
            });
        }

        foreach (var file in report.Files)
        {
            foreach (var failure in file.Failures)
            {
                Add(file, "deny", "error", failure.Message, failure.Location, failure.Metadata);
            }

            foreach (var warning in file.Warnings)
            {
                Add(file, "warn", "warning", warning.Message, warning.Location, warning.Metadata);
            }

            foreach (var exception in file.Exceptions)
            {
                Add(file, "allow", "note", exception.Message, exception.Location, exception.Metadata);
            }

            if (file.Failures.Count > 0 || file.Warnings.Count > 0)
            {
                continue;
            }

            var (kind, description) = file.Successes > 0 || file.Exceptions.Count > 0
                ? ("success", SuccessDescription)
                : ("skip", SkippedDescription);
            Add(file, kind, "none", description, null, ObjectValue.Of(("description", new StringValue(description))));
        }

        var sarif = new JsonObject
        {
            ["version"] = "2.1.0",
            ["$schema"] = Schema,
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject { ["name"] = "palisade", ["version"] = toolVersion, ["rules"] = rules },
                },
                ["invocations"] = new JsonArray(new JsonObject
                {
                    ["executionSuccessful"] = true,
                    ["exitCode"] = report.ExitCode(failOnWarn: false, noFail: false),
                    ["exitCodeDescription"] = report.Failures > 0 ? "Policy violations found"
                        : report.Warnings > 0 ? "Policy warnings found"
                        : "No policy violations found",
                }),
                ["results"] = results,
            }),
        };

        // Outside strings JSON has no <, > or &, so escaping every one of them only touches string contents.
        output.Write(new StringBuilder(sarif.ToJsonString(Json))
            .Replace("<", "\\u003c").Replace(">", "\\u003e").Replace("&", "\\u0026").ToString());
    }

    private static JsonObject Rule(string ruleId, string kind, ObjectValue metadata)
    {
        var rule = new JsonObject
        {
            ["id"] = ruleId,
            ["shortDescription"] = new JsonObject { ["text"] = Description(kind) },
        };
        if (metadata.Count > 0)
        {
            rule["properties"] = ValueJson.ToJson(metadata);
        }

        return rule;
    }

    private static string Description(string kind) => kind switch
    {
        "success" => SuccessDescription,
        "skip" => SkippedDescription,
        "allow" => "Policy exception",
        "warn" => "Policy warning",
        _ => "Policy violation",
    };

    private static JsonObject PhysicalLocation(string fileName, SourceLocation? location)
    {
        if (location is not { Line: > 0 } known)
        {
            return new JsonObject { ["artifactLocation"] = Artifact(location?.File ?? fileName) };
        }

        var region = new JsonObject { ["startLine"] = known.Line, ["endLine"] = known.Line };
        if (known.Column > 0)
        {
            region["startColumn"] = known.Column;
        }

        return new JsonObject { ["artifactLocation"] = Artifact(known.File), ["region"] = region };
    }

    private static JsonObject Artifact(string file) =>
        new() { ["uri"] = file.Replace(Path.DirectorySeparatorChar, '/') };

    private static string BuildVersion()
    {
        var version = typeof(SarifReporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var metadataStart = version.IndexOf('+', StringComparison.Ordinal);
        return metadataStart < 0 ? version : version[..metadataStart];
    }
}
