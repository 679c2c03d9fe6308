using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Palisade.Rego.Ast;

namespace Palisade.Policy.Verification;

/// <summary>
/// <c>opa test --format json</c>'s report: an array with one object per test carrying <c>location</c>, <c>package</c>,
/// <c>name</c>, <c>fail</c>/<c>skip</c>/<c>error</c> when set, <c>duration</c> in nanoseconds and the printed
/// <c>output</c> base64-encoded, as Go encodes a byte slice.
/// </summary>
public static class JsonTestReporter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Write(TextWriter output, IReadOnlyList<RegoTestResult> results)
    {
        var array = new JsonArray();
        foreach (var result in results)
        {
            var test = new JsonObject
            {
                ["location"] = LocationJson(result.Test.Location),
                ["package"] = result.Test.Package,
                ["name"] = result.Test.Name,
            };
            if (result.Outcome == TestOutcome.Fail)
            {
                test["fail"] = true;
            }

            if (result.Error is { } error)
            {
                var errorJson = new JsonObject { ["code"] = error.Code, ["message"] = error.Message };
                if (error.Location.Line > 0)
                {
                    errorJson["location"] = LocationJson(error.Location);
                }

                test["error"] = errorJson;
            }

            if (result.Outcome == TestOutcome.Skipped)
            {
                test["skip"] = true;
            }

            test["duration"] = result.Duration.Ticks * 100;
            if (result.Output.Count > 0)
            {
                test["output"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Concat(result.Output.Select(l => l + "\n"))));
            }

            array.Add(test);
        }

        output.WriteLine(array.ToJsonString(Indented));
    }

    private static JsonObject LocationJson(Location location) =>
        new() { ["file"] = location.File, ["row"] = location.Line, ["col"] = location.Column };
}
