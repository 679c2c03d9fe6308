using System.Globalization;
using System.Numerics;
using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Strings;

/// <summary>
/// sprintf: OPA hands Go's fmt.Sprintf an int when the number's text is an int64, a *big.Int when it is a longer
/// integer, a float64 when it parses as one, and otherwise text; strings as themselves and every other value as its
/// Rego term text (so <c>%v</c> of an array prints <c>["a", 1]</c>).
/// </summary>
internal static class SprintfBuiltin
{
    public static IEnumerable<BuiltinFunction> Functions()
    {
        yield return new BuiltinFunction(
            "sprintf",
            FunctionSignature.Of(RegoType.String, RegoType.String, RegoType.ArrayOf(RegoType.Any)),
            (_, args) => Sprintf(args));
    }

    private static StringValue Sprintf(ReadOnlySpan<Value> args)
    {
        var format = Operands.String(args, 0).Value;
        var array = Operands.Array(args, 1);
        var goArgs = new object[array.Count];
        for (var i = 0; i < array.Count; i++)
        {
            goArgs[i] = array[i] switch
            {
                NumberValue n => GoNumber(n),
                StringValue s => s.Value,
                var other => other.ToString(),
            };
        }

        return StringValue.Of(GoFormatter.Sprintf(format, goArgs));
    }

    private static object GoNumber(NumberValue number)
    {
        var text = number.Text;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var small))
        {
            return small;
        }

        if (BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big))
        {
            return big;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsInfinity(d))
        {
            return d;
        }

        return text;
    }
}
