using Palisade.Rego.Values;

namespace Palisade.Rego.Ast.Json;

/// <summary>
/// OPA orders set elements and object keys in its AST by term kind first (null, boolean, number, string, var, ref,
/// array, object, set, array/object/set comprehension, call, template string), then by value. A term's JSON object is
/// mapped to an array <c>[kind rank, payload]</c> whose ordinary value order is that order; comprehension bodies and
/// template parts are compared as their JSON, a tie-break OPA's own comparison of such terms need not share.
/// </summary>
internal static class AstSortKey
{
    private static readonly string[] KindOrder =
    [
        "null", "boolean", "number", "string", "var", "ref", "array", "object", "set",
        "arraycomprehension", "objectcomprehension", "setcomprehension", "call", "templatestring",
    ];

    /// <summary>The terms in OPA's order, each distinct term once.</summary>
    public static List<Value> SortDistinct(List<Value> terms)
    {
        var keyed = new SortedDictionary<Value, Value>();
        foreach (var term in terms)
        {
            keyed.TryAdd(Of(term), term);
        }

        return [.. keyed.Values];
    }

    public static Value Of(Value term)
    {
        var obj = (ObjectValue)term;
        obj.TryGetValue("type", out var typeValue);
        obj.TryGetValue("value", out var value);
        var type = ((StringValue)typeValue).Value;
        var rank = NumberValue.Of(Array.IndexOf(KindOrder, type));
        var payload = type switch
        {
            "null" => NullValue.Instance,
            "ref" or "array" or "set" or "call" => ArrayValue.Of(((ArrayValue)value).Items.ToArray().Select(Of)),
            "object" => ArrayValue.Of(((ArrayValue)value).Items.ToArray().Select(pair => (Value)ArrayValue.Of(((ArrayValue)pair).Items.ToArray().Select(Of)))),
            _ => value,
        };
        return ArrayValue.Of(rank, payload);
    }
}
