using System.Text.Json;
using Palisade.Rego.Builtins;
using Palisade.Rego.Values;

namespace Palisade.Rego.Tests.Builtins.Conformance;

/// <summary>
/// OPA's conformance cases that call one builtin with literal arguments, run directly against the builtin.
/// The data is generated from OPA's cases by <c>extract_cases.py</c>. Builtins not yet implemented are skipped.
/// </summary>
public sealed class OpaBuiltinCaseTests
{
    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(Load);

    /// <summary>Cases Palisade knowingly cannot pass.</summary>
    private static readonly Dictionary<string, string> Unsupported = new(StringComparer.Ordinal)
    {
        ["jwtencodesign/EdDSA"] = ".NET has no Ed25519, so EdDSA tokens cannot be signed",
        ["jwtencodesignraw/EdDSA"] = ".NET has no Ed25519, so EdDSA tokens cannot be signed",
    };

    public static TheoryData<string> Notes()
    {
        var data = new TheoryData<string>();
        foreach (var note in Cases.Value.Keys)
        {
            data.Add(note);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Notes))]
    public void Case(string note)
    {
        var testCase = Cases.Value[note];
        var name = testCase.GetProperty("builtin").GetString()!;
        if (!BuiltinRegistry.Default.TryGet(name, out var function))
        {
            Assert.Skip($"{name} is not implemented");
        }

        var arguments = testCase.GetProperty("args").EnumerateArray().Select(ToValue).ToArray();
        var context = new BuiltinContext(DateTimeOffset.UtcNow);
        if (testCase.TryGetProperty("wantError", out var wantError))
        {
            var error = Assert.ThrowsAny<BuiltinException>(() => function.Implementation!(context, arguments));
            Assert.Contains(wantError.GetString()!, error.Message, StringComparison.Ordinal);
            var code = testCase.GetProperty("wantErrorCode").GetString();
            if (code == "eval_type_error")
            {
                Assert.IsType<BuiltinTypeException>(error);
            }
            else if (code == "eval_builtin_error")
            {
                Assert.IsNotType<BuiltinTypeException>(error);
            }

            return;
        }

        if (Unsupported.TryGetValue(note, out var reason))
        {
            Assert.Skip(reason);
        }

        var result = function.Implementation!(context, arguments);
        Assert.NotNull(result);

        // The expectation is JSON, so sets are compared as the sorted arrays OPA prints.
        var expected = ValueJson.Parse(ValueJson.Serialize(ToValue(testCase.GetProperty("want"))));
        var actual = ValueJson.Parse(ValueJson.Serialize(result));
        Assert.True(expected.Equals(actual), $"expected {expected}, got {actual}");
    }

    /// <summary>JSON arguments, with sets written as {"$set": [...]}.</summary>
    private static Value ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object when element.TryGetProperty("$set", out var items) => SetValue.Of(items.EnumerateArray().Select(ToValue)),
        JsonValueKind.Object => ObjectValue.Of(element.EnumerateObject().Select(p => new KeyValuePair<Value, Value>(new StringValue(p.Name), ToValue(p.Value)))),
        JsonValueKind.Array => ArrayValue.Of(element.EnumerateArray().Select(ToValue)),
        _ => ValueJson.FromJson(element),
    };

    private static Dictionary<string, JsonElement> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Builtins", "Conformance", "opa-builtin-cases.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var cases = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var note = item.GetProperty("note").GetString()!;
            var unique = note;
            for (var i = 2; cases.ContainsKey(unique); i++)
            {
                unique = $"{note} #{i}";
            }

            cases[unique] = item.Clone();
        }

        return cases;
    }
}
