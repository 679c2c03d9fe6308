using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Palisade.Rego;
using Palisade.Rego.Ast;
using Palisade.Rego.Values;

namespace Palisade.Cli.Commands;

internal sealed record EvalError(string Code, string Message, Location Location);

/// <summary>opa eval's output shapes: <c>{"result": [{"expressions": […], "bindings": {…}}]}</c> and <c>{"errors": […]}</c>.</summary>
internal static class EvalOutput
{
    private static readonly JsonSerializerOptions Indented = new(ValueJson.Writing) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(TextWriter stdout, string format, string query, IReadOnlyList<QueryResult> results)
    {
        switch (format)
        {
            case "values":
                stdout.WriteLine(new JsonArray([.. results.Select(r => ToJson(r.Expressions.Count == 1 ? r.Expressions[0] : ArrayValue.Of(r.Expressions)))]).ToJsonString(Indented));
                break;
            case "raw":
                foreach (var value in results.SelectMany(r => r.Expressions))
                {
                    stdout.WriteLine(value is StringValue s ? s.Value : ToJson(value)?.ToJsonString(Indented) ?? "null");
                }

                break;
            default:
                stdout.WriteLine(Json(query, results).ToJsonString(Indented));
                break;
        }
    }

    public static int WriteErrors(string format, TextWriter stdout, TextWriter stderr, IReadOnlyList<EvalError> errors)
    {
        if (format == "json")
        {
            var json = new JsonObject
            {
                ["errors"] = new JsonArray([.. errors.Select(e => (JsonNode)new JsonObject
                {
                    ["message"] = e.Message,
                    ["code"] = e.Code,
                    ["location"] = new JsonObject { ["file"] = e.Location.File, ["row"] = e.Location.Line, ["col"] = e.Location.Column },
                })]),
            };
            stdout.WriteLine(json.ToJsonString(Indented));
        }
        else
        {
            foreach (var error in errors)
            {
                stderr.WriteLine($"{error.Location.File}:{error.Location.Line}: {error.Code}: {error.Message}");
            }
        }

        return ExitCodes.Failure;
    }

    private static JsonObject Json(string query, IReadOnlyList<QueryResult> results)
    {
        var json = new JsonObject();
        if (results.Count == 0)
        {
            return json; // opa eval prints {} when the query is undefined.
        }

        json["result"] = new JsonArray([.. results.Select(r =>
        {
            var result = new JsonObject
            {
                ["expressions"] = new JsonArray([.. r.Expressions.Select(v => (JsonNode)new JsonObject { ["value"] = ToJson(v), ["text"] = query })]),
            };
            if (r.Bindings.Count > 0)
            {
                var bindings = new JsonObject();
                foreach (var (name, value) in r.Bindings.OrderBy(b => b.Key, StringComparer.Ordinal))
                {
                    bindings[name] = ToJson(value);
                }

                result["bindings"] = bindings;
            }

            return (JsonNode)result;
        })]);
        return json;
    }

    private static JsonNode? ToJson(Value value) => ValueJson.ToJson(value);
}
