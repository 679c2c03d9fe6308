using Palisade.Rego.Builtins;
using Palisade.Rego.Values;

namespace Palisade.Rego.Tests.Builtins;

/// <summary>Calls builtins by name, as the evaluator will, and builds argument values.</summary>
internal static class Builtin
{
    private static readonly BuiltinContext Context = new(DateTimeOffset.UnixEpoch);

    public static Value? Call(string name, params Value[] arguments) => Call(Context, name, arguments);

    public static Value? Call(BuiltinContext context, string name, params Value[] arguments)
    {
        Assert.True(BuiltinRegistry.Default.TryGet(name, out var function), $"{name} is not registered");
        Assert.Equal(function.Arity, arguments.Length);
        return function.Implementation!(context, arguments);
    }

    /// <summary>The builtin's error message (eval_builtin_error or eval_type_error).</summary>
    public static BuiltinException Error(string name, params Value[] arguments) =>
        Assert.ThrowsAny<BuiltinException>(() => Call(name, arguments));

    public static Value J(string json) => ValueJson.Parse(json);

    public static StringValue S(string text) => new(text);

    public static NumberValue N(string text) => NumberValue.Parse(text);

    public static Value Set(params Value[] items) => SetValue.Of(items);

    public static Value Arr(params Value[] items) => ArrayValue.Of(items);
}
