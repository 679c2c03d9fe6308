using Palisade.Rego.Builtins;
using Palisade.Rego.Values;

namespace Palisade.Rego.Tests.Builtins;

/// <summary>Calls builtins by name through the default registry, as the evaluator will.</summary>
internal static class BuiltinTestKit
{
    public static readonly DateTimeOffset FixedNow = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    public static BuiltinContext Context() => new(FixedNow);

    public static Value? Call(string name, params Value[] arguments) => Call(Context(), name, arguments);

    public static Value? Call(BuiltinContext context, string name, params Value[] arguments)
    {
        Assert.True(BuiltinRegistry.Default.TryGet(name, out var function), $"{name} is not registered");
        Assert.Equal(function.Arity, arguments.Length);
        return function.Implementation!(context, arguments);
    }

    /// <summary>Asserts the call fails with exactly this message and returns the exception for its kind.</summary>
    public static BuiltinException Fails(string name, string message, params Value[] arguments)
    {
        var error = Assert.ThrowsAny<BuiltinException>(() => Call(name, arguments));
        Assert.Equal(message, error.Message);
        return error;
    }

    public static Value J(string json) => ValueJson.Parse(json);

    public static Value S(string text) => new StringValue(text);

    public static Value N(long number) => NumberValue.Of(number);

    public static Value N(string number) => NumberValue.Parse(number);

    public static Value A(params Value[] items) => ArrayValue.Of(items);
}
