using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Strings;

/// <summary>strings.render_template: Go's text/template over the object's JSON form.</summary>
internal static class TemplateBuiltin
{
    public static IEnumerable<BuiltinFunction> Functions()
    {
        yield return new BuiltinFunction(
            "strings.render_template",
            FunctionSignature.Of(RegoType.String, RegoType.String, RegoType.ObjectOf(RegoType.String, RegoType.Any)),
            (_, args) => StringValue.Of(GoTemplate.Render(Operands.String(args, 0).Value, ToGo(Operands.Object(args, 1)))));
    }

    /// <summary>The value as Go decodes its JSON into interface{}: numbers are float64, sets are lists.</summary>
    private static object? ToGo(Value value)
    {
        switch (value)
        {
            case NullValue:
                return null;
            case BooleanValue b:
                return b.Value;
            case NumberValue n:
                return n.AsDouble;
            case StringValue s:
                return s.Value;
            case ArrayValue a:
                return a.Items.ToArray().Select(ToGo).ToList();
            case SetValue s:
                return s.Items.ToArray().Select(ToGo).ToList();
            default:
                var obj = (ObjectValue)value;
                var map = new SortedDictionary<string, object?>(StringComparer.Ordinal);
                for (var i = 0; i < obj.Count; i++)
                {
                    map[obj.Keys[i] is StringValue k ? k.Value : Encodings.GoJsonWriter.Write(obj.Keys[i])] = ToGo(obj.Values[i]);
                }

                return map;
        }
    }
}
