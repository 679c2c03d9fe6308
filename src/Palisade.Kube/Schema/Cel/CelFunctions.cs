using System.Globalization;
using System.Text.RegularExpressions;
using Palisade.Kube.Networking;

namespace Palisade.Kube.Schema.Cel;

/// <summary>
/// The functions Palisade's CEL knows, with their arity. A rule calling anything else is refused when it is
/// compiled, so it is reported as uncheckable instead of failing (or passing) at run time.
/// </summary>
internal static class CelFunctions
{
    // name → number of arguments, not counting a method's receiver.
    private static readonly Dictionary<string, int> Globals = new(StringComparer.Ordinal)
    {
        ["size"] = 1,
        ["matches"] = 2,
        ["isCIDR"] = 1,
        ["int"] = 1,
        ["string"] = 1,
    };

    private static readonly Dictionary<string, int> Methods = new(StringComparer.Ordinal)
    {
        ["size"] = 0,
        ["contains"] = 1,
        ["startsWith"] = 1,
        ["endsWith"] = 1,
        ["matches"] = 1,
    };

    /// <summary>Null when the call is known, else why it is not.</summary>
    public static string? CheckCall(bool isMethod, string name, int arity)
    {
        var table = isMethod ? Methods : Globals;
        if (!table.TryGetValue(name, out var expected))
        {
            return isMethod ? $"unsupported method '.{name}()'" : $"unsupported function '{name}()'";
        }

        return expected == arity ? null : $"'{name}' takes {expected} argument{(expected == 1 ? "" : "s")} here, not {arity}";
    }

    public static object Call(string name, object? target, IReadOnlyList<object> args) => (name, target, args) switch
    {
        ("size", null, [var x]) => Size(x),
        ("size", { } x, []) => Size(x),
        ("contains", string s, [string t]) => s.Contains(t, StringComparison.Ordinal),
        ("startsWith", string s, [string t]) => s.StartsWith(t, StringComparison.Ordinal),
        ("endsWith", string s, [string t]) => s.EndsWith(t, StringComparison.Ordinal),
        ("matches", string s, [string pattern]) => Matches(s, pattern),
        ("matches", null, [string s, string pattern]) => Matches(s, pattern),
        ("isCIDR", null, [string s]) => Cidr.TryParseLenient(s, out _, out _),
        ("int", null, [var x]) => ToInt(x),
        ("string", null, [var x]) => ToText(x),
        _ => throw new CelEvaluationException(
            $"no such overload: {(target is null ? "" : CelTypes.NameOf(target) + ".")}{name}({string.Join(", ", args.Select(CelTypes.NameOf))})"),
    };

    private static long Size(object value) => value switch
    {
        // CEL counts code points, not UTF-16 units.
        string s => s.EnumerateRunes().Count(),
        CelList list => list.Count,
        CelMap map => map.Count,
        _ => throw new CelEvaluationException($"no such overload: size({CelTypes.NameOf(value)})"),
    };

    private static bool Matches(string text, string pattern)
    {
        Regex regex;
        try
        {
            regex = Re2Pattern.Compile(pattern);
        }
        catch (ArgumentException ex)
        {
            throw new CelEvaluationException($"invalid regular expression '{pattern}': {ex.Message}");
        }

        return regex.IsMatch(text);
    }

    private static long ToInt(object value) => value switch
    {
        long x => x,
        double x when double.IsFinite(x) && x > -9.2233720368547758e18 && x < 9.2233720368547758e18 => (long)Math.Truncate(x),
        string s when long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var x) => x,
        _ => throw new CelEvaluationException($"cannot convert {CelTypes.NameOf(value)} {ToText(value)} to int"),
    };

    private static string ToText(object value) => value switch
    {
        string s => s,
        long x => x.ToString(CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => throw new CelEvaluationException($"no such overload: string({CelTypes.NameOf(value)})"),
    };
}
