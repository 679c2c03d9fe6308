using Palisade.Rego.Builtins;

namespace Palisade.Rego.Tests.Builtins;

/// <summary>Names, operators and signatures as OPA declares them (ast/builtins.go), in our type notation.</summary>
public sealed class SignatureTests
{
    [Theory]
    [InlineData("equal", "==", "(any, any) => boolean")]
    [InlineData("neq", "!=", "(any, any) => boolean")]
    [InlineData("lt", "<", "(any, any) => boolean")]
    [InlineData("lte", "<=", "(any, any) => boolean")]
    [InlineData("gt", ">", "(any, any) => boolean")]
    [InlineData("gte", ">=", "(any, any) => boolean")]
    [InlineData("plus", "+", "(number, number) => number")]
    [InlineData("minus", "-", "(any<number, set[any]>, any<number, set[any]>) => any<number, set[any]>")]
    [InlineData("mul", "*", "(number, number) => number")]
    [InlineData("div", "/", "(number, number) => number")]
    [InlineData("rem", "%", "(number, number) => number")]
    [InlineData("abs", null, "(number) => number")]
    [InlineData("round", null, "(number) => number")]
    [InlineData("ceil", null, "(number) => number")]
    [InlineData("floor", null, "(number) => number")]
    [InlineData("numbers.range", null, "(number, number) => array[number]")]
    [InlineData("numbers.range_step", null, "(number, number, number) => array[number]")]
    [InlineData("bits.and", null, "(number, number) => number")]
    [InlineData("bits.or", null, "(number, number) => number")]
    [InlineData("bits.xor", null, "(number, number) => number")]
    [InlineData("bits.negate", null, "(number) => number")]
    [InlineData("bits.lsh", null, "(number, number) => number")]
    [InlineData("bits.rsh", null, "(number, number) => number")]
    [InlineData("count", null, "(any<set[any], array[any], object[any: any], string>) => number")]
    [InlineData("sum", null, "(any<set[number], array[number]>) => number")]
    [InlineData("product", null, "(any<set[number], array[number]>) => number")]
    [InlineData("max", null, "(any<set[any], array[any]>) => any")]
    [InlineData("min", null, "(any<set[any], array[any]>) => any")]
    [InlineData("sort", null, "(any<array[any], set[any]>) => array[any]")]
    [InlineData("array.concat", null, "(array[any], array[any]) => array[any]")]
    [InlineData("array.slice", null, "(array[any], number, number) => array[any]")]
    [InlineData("array.reverse", null, "(array[any]) => array[any]")]
    [InlineData("and", "&", "(set[any], set[any]) => set[any]")]
    [InlineData("or", "|", "(set[any], set[any]) => set[any]")]
    [InlineData("intersection", null, "(set[set[any]]) => set[any]")]
    [InlineData("union", null, "(set[set[any]]) => set[any]")]
    [InlineData("object.get", null, "(object[any: any], any, any) => any")]
    [InlineData("object.keys", null, "(object[any: any]) => set[any]")]
    [InlineData("object.remove", null, "(object[any: any], any<array[any], set[any], object[any: any]>) => any")]
    [InlineData("object.filter", null, "(object[any: any], any<array[any], set[any], object[any: any]>) => any")]
    [InlineData("object.union", null, "(object[any: any], object[any: any]) => any")]
    [InlineData("object.union_n", null, "(array[object[any: any]]) => any")]
    [InlineData("object.subset", null, "(any<object[any: any], set[any], array[any]>, any<object[any: any], set[any], array[any]>) => any")]
    [InlineData("json.filter", null, "(object[any: any], any<array[any<string, array[any]>], set[any<string, array[any]>]>) => any")]
    [InlineData("json.remove", null, "(object[any: any], any<array[any<string, array[any]>], set[any<string, array[any]>]>) => any")]
    [InlineData("json.patch", null, "(any, array[object[any: any]]) => any")]
    [InlineData("walk", null, "(any) => array[any]")]
    [InlineData("graph.reachable", null, "(object[any: any<set[any], array[any]>], any<set[any], array[any]>) => set[any]")]
    [InlineData("graph.reachable_paths", null, "(object[any: any<set[any], array[any]>], any<set[any], array[any]>) => set[array[any]]")]
    public void IsDeclaredAsInOpa(string name, string? infix, string signature)
    {
        Assert.True(BuiltinRegistry.Default.TryGet(name, out var function));
        Assert.Equal(name, function.Name);
        Assert.Equal(infix, function.Infix);
        Assert.False(function.Nondeterministic);
        var text = $"({string.Join(", ", function.Signature.Arguments)}) => {function.Signature.Result}";
        Assert.Equal(signature, text);
        Assert.True((function.Implementation is null) != (function.Relation is null));
    }
}
