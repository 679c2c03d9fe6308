using System.Numerics;
using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Arithmetic;

/// <summary><c>plus</c>, <c>minus</c>, <c>mul</c>, <c>div</c> and <c>rem</c>, with OPA's number paths and messages.</summary>
internal static class ArithmeticBuiltins
{
    private static readonly FunctionSignature Binary = FunctionSignature.Of(RegoType.Number, RegoType.Number, RegoType.Number);

    public static IEnumerable<BuiltinFunction> Functions()
    {
        var numberOrSet = RegoType.AnyOf(RegoType.Number, RegoType.SetOf(RegoType.Any));
        yield return new BuiltinFunction("plus", Binary, (_, args) => Plus(Operands.Number(args, 0), Operands.Number(args, 1)), Infix: "+");
        yield return new BuiltinFunction("minus", FunctionSignature.Of(numberOrSet, numberOrSet, numberOrSet), Minus, Infix: "-");
        yield return new BuiltinFunction("mul", Binary, (_, args) => Multiply(Operands.Number(args, 0), Operands.Number(args, 1)), Infix: "*");
        yield return new BuiltinFunction("div", Binary, (_, args) => Divide(Operands.Number(args, 0), Operands.Number(args, 1)), Infix: "/");
        yield return new BuiltinFunction("rem", Binary, (_, args) => Remainder(Operands.Number(args, 0), Operands.Number(args, 1)), Infix: "%");
    }

    public static NumberValue Plus(NumberValue a, NumberValue b)
    {
        if (OpaNumbers.TrySmall(a, out var x) && OpaNumbers.TrySmall(b, out var y))
        {
            return NumberValue.Of(x + y);
        }

        if (OpaNumbers.ToInteger(a) is { } i && OpaNumbers.ToInteger(b) is { } j)
        {
            return NumberValue.Of(i + j);
        }

        return OpaNumbers.FromFloat(OpaNumbers.ToFloat(a) + OpaNumbers.ToFloat(b));
    }

    public static NumberValue Subtract(NumberValue a, NumberValue b)
    {
        if (OpaNumbers.TrySmall(a, out var x) && OpaNumbers.TrySmall(b, out var y))
        {
            return NumberValue.Of(x - y);
        }

        if (OpaNumbers.ToInteger(a) is { } i && OpaNumbers.ToInteger(b) is { } j)
        {
            return NumberValue.Of(i - j);
        }

        return OpaNumbers.FromFloat(OpaNumbers.ToFloat(a) - OpaNumbers.ToFloat(b));
    }

    public static NumberValue Multiply(NumberValue a, NumberValue b)
    {
        if (OpaNumbers.TrySmall(a, out var x) && OpaNumbers.TrySmall(b, out var y))
        {
            return NumberValue.Of(x * y);
        }

        if (OpaNumbers.ToInteger(a) is { } i && OpaNumbers.ToInteger(b) is { } j)
        {
            return NumberValue.Of(i * j);
        }

        return OpaNumbers.FromFloat(OpaNumbers.ToFloat(a) * OpaNumbers.ToFloat(b));
    }

    /// <summary>
    /// Division stays an integer only for small integers where the divisor divides a nonzero dividend; everything
    /// else, big integers and a zero dividend included (its quotient may be -0), is a float quotient.
    /// </summary>
    public static NumberValue Divide(NumberValue a, NumberValue b)
    {
        if (OpaNumbers.TrySmall(a, out var x) && OpaNumbers.TrySmall(b, out var y))
        {
            if (y == 0)
            {
                throw new BuiltinException("divide by zero");
            }

            if (x != 0 && x % y == 0)
            {
                return NumberValue.Of(x / y);
            }
        }

        var divisor = OpaNumbers.ToFloat(b);
        if (divisor.IsZero)
        {
            // 0.0 and 0e5 reach here.
            throw new BuiltinException("divide by zero");
        }

        return OpaNumbers.FromFloat(OpaNumbers.ToFloat(a) / divisor);
    }

    /// <summary>The remainder has the dividend's sign (truncated division); it exists only for integers.</summary>
    public static NumberValue Remainder(NumberValue a, NumberValue b)
    {
        if (OpaNumbers.TrySmall(a, out var x) && OpaNumbers.TrySmall(b, out var y))
        {
            return y == 0 ? throw new BuiltinException("modulo by zero") : NumberValue.Of(x % y);
        }

        if (OpaNumbers.ToInteger(a) is { } i && OpaNumbers.ToInteger(b) is { } j)
        {
            return j.IsZero ? throw new BuiltinException("modulo by zero") : NumberValue.Of(BigInteger.Remainder(i, j));
        }

        throw new BuiltinException("modulo on floating-point number");
    }

    /// <summary>Numbers subtract; sets take the difference. The messages follow OPA's checks in order.</summary>
    private static Value? Minus(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        var (a, b) = (args[0], args[1]);
        if (a is NumberValue x && b is NumberValue y)
        {
            return Subtract(x, y);
        }

        if (a is SetValue s && b is SetValue t)
        {
            return SetValue.Of(Difference(s, t));
        }

        if (a is not NumberValue && a is not SetValue)
        {
            throw Operands.MismatchOneOf(0, a, "number", "set");
        }

        throw Operands.Mismatch(1, a is SetValue ? "set" : "number", b);
    }

    private static List<Value> Difference(SetValue s, SetValue t)
    {
        var result = new List<Value>(s.Count);
        foreach (var item in s.Items)
        {
            if (!t.Contains(item))
            {
                result.Add(item);
            }
        }

        return result;
    }
}
