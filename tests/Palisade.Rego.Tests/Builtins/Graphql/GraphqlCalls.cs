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
}
