namespace Palisade.Kube.Schema.Cel;

/// <summary>
/// CEL's operators with the semantics Kubernetes enables: heterogeneous equality (a string never equals an int,
/// which is false and not an error; an int equals a double of the same value) and cross-type numeric comparison.
/// Int arithmetic is 64-bit and overflow is an error, as in CEL.
/// </summary>
internal static class CelOperators
{
    public static bool AreEqual(object a, object b) => (a, b) switch
    {
        (long x, long y) => x == y,
        (double x, double y) => x == y,
        (long x, double y) => CompareIntDouble(x, y) == 0,
        (double x, long y) => CompareIntDouble(y, x) == 0,
        (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
        (bool x, bool y) => x == y,
        (CelNull, CelNull) => true,
        (CelList x, CelList y) => x.Count == y.Count && Enumerable.Range(0, x.Count).All(i => AreEqual(x[i], y[i])),
        (CelMap x, CelMap y) => x.Count == y.Count && x.Keys.All(k => y.TryGet(k, out var v) && x.TryGet(k, out var u) && AreEqual(u, v)),
        _ => false,
    };

    /// <summary>Negative, zero or positive; an error for values CEL does not order.</summary>
    public static int Compare(object a, object b, string op) => (a, b) switch
    {
        (long x, long y) => x.CompareTo(y),
        (double x, double y) => CompareDoubles(x, y),
        (long x, double y) => double.IsNaN(y) ? throw NotOrdered() : CompareIntDouble(x, y),
        (double x, long y) => double.IsNaN(x) ? throw NotOrdered() : -CompareIntDouble(y, x),
        (string x, string y) => Math.Sign(string.CompareOrdinal(x, y)),
        (bool x, bool y) => x.CompareTo(y),
        _ => throw NoOverload(op, a, b),
    };

    public static object Arithmetic(string op, object a, object b)
    {
        try
        {
            return (op, a, b) switch
            {
                ("+", long x, long y) => checked(x + y),
                ("-", long x, long y) => checked(x - y),
                ("*", long x, long y) => checked(x * y),
                ("/", long x, long y) => y == 0 ? throw new CelEvaluationException("division by zero") : checked(x / y),
                ("%", long x, long y) => y == 0 ? throw new CelEvaluationException("modulus by zero") : x % y,
                ("+", double x, double y) => x + y,
                ("-", double x, double y) => x - y,
                ("*", double x, double y) => x * y,
                ("/", double x, double y) => x / y,
                ("+", string x, string y) => x + y,
                ("+", CelList x, CelList y) => new CelArrayList([.. x.Items(), .. y.Items()]),
                _ => throw NoOverload(op, a, b),
            };
        }
        catch (OverflowException)
        {
            throw new CelEvaluationException("integer overflow");
        }
    }

    public static object Negate(object value) => value switch
    {
        long x when x == long.MinValue => throw new CelEvaluationException("integer overflow"),
        long x => -x,
        double x => -x,
        _ => throw new CelEvaluationException($"no such overload: -{CelTypes.NameOf(value)}"),
    };

    public static CelEvaluationException NoOverload(string op, object a, object b) =>
        new($"no such overload: {CelTypes.NameOf(a)} {op} {CelTypes.NameOf(b)}");

    private static int CompareDoubles(double x, double y) => double.IsNaN(x) || double.IsNaN(y) ? throw NotOrdered() : x.CompareTo(y);

    private static CelEvaluationException NotOrdered() => new("NaN cannot be ordered");

    // A long is not exactly representable as a double beyond 2^53, so compare without converting it.
    private static int CompareIntDouble(long x, double y)
    {
        if (double.IsNaN(y))
        {
            return 1;
        }

        if (y >= 9.2233720368547758e18)
        {
            return -1;
        }

        if (y < -9.2233720368547758e18)
        {
            return 1;
        }

        var whole = (long)Math.Floor(y);
        return x != whole ? x.CompareTo(whole) : (y > whole ? -1 : 0);
    }
}
