using System.Text.Json;
using Palisade.Rego.Builtins;
using Palisade.Rego.Values;

namespace Palisade.Rego.Tests.Builtins.Graphql;

/// <summary>Calls the graphql builtins as the evaluator would, and reads the conformance data derived from OPA's cases.</summary>
internal static class GraphqlCalls
{
    /// <summary>The builtin's result, or the error message the evaluator would show (prefixed with the builtin's name).</summary>
    public static (Value? Result, string? Error) Call(string name, params Value[] arguments)
    {
        Assert.True(BuiltinRegistry.Default.TryGet(name, out var function));
        try
        {
            return (function.Implementation!(new BuiltinContext(DateTimeOffset.UnixEpoch), arguments), null);
        }
        catch (BuiltinException e)
        {
            return (null, $"{name}: {e.Message}");
        }
    }

    public static Value Ok(string name, params Value[] arguments)
    {
        var (result, error) = Call(name, arguments);
        Assert.Null(error);
        Assert.NotNull(result);
        return result;
    }

    public static Value S(string text) => new StringValue(text);

    /// <summary>The cases of one data file, one JSON object each, keyed by their note.</summary>
    public static TheoryData<string> Notes(string file)
    {
        var data = new TheoryData<string>();
        foreach (var note in Load(file).Keys)
        {
            data.Add(note);
        }

        return data;
    }

    public static JsonElement Case(string file, string note) => Load(file)[note];

    private static Dictionary<string, JsonElement> Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Builtins", "Graphql", "Cases", file);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().ToDictionary(c => c.GetProperty("note").GetString()!, c => c.Clone());
    }
}
