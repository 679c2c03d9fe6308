using System.Globalization;
using System.Text;

namespace Palisade.Rego.Builtins.RegularExpressions;

/// <summary>
/// A character class being translated: code point ranges (Go's meaning, including code points above U+FFFF) and
/// Unicode general categories, written out as a .NET pattern that consumes one whole code point.
/// </summary>
internal sealed class ClassSet
{
    private const int MaxRune = 0x10FFFF;

    private static readonly string[] Categories =
    [
        "C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn", "N", "Nd", "Nl", "No",
        "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc", "Sk", "Sm", "So", "Z", "Zl", "Zp", "Zs",
    ];

    // Go also knows scripts; these are approximated by their main Unicode blocks.
    private static readonly Dictionary<string, (int Low, int High)[]> Scripts = new(StringComparer.Ordinal)
    {
        ["Latin"] = [('A', 'Z'), ('a', 'z'), (0xAA, 0xAA), (0xBA, 0xBA), (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0x24F), (0x1E00, 0x1EFF)],
        ["Greek"] = [(0x370, 0x3FF), (0x1F00, 0x1FFF)],
        ["Cyrillic"] = [(0x400, 0x52F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F)],
        ["Armenian"] = [(0x531, 0x58F)],
        ["Hebrew"] = [(0x591, 0x5F4)],
        ["Arabic"] = [(0x600, 0x6FF), (0x750, 0x77F)],
        ["Devanagari"] = [(0x900, 0x97F)],
        ["Thai"] = [(0xE01, 0xE5B)],
        ["Hangul"] = [(0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7A3)],
        ["Hiragana"] = [(0x3041, 0x309F)],
        ["Katakana"] = [(0x30A0, 0x30FF), (0x31F0, 0x31FF)],
        ["Han"] = [(0x2E80, 0x2FDF), (0x3005, 0x3007), (0x3021, 0x3029), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F)],
    };

    private readonly List<(int Low, int High)> _ranges = [];
    private readonly List<string> _categories = [];

    public void Add(int low, int high) => _ranges.Add((low, high));

    /// <summary>\d \D \s \S \w \W, which Go defines over ASCII only.</summary>
    public void AddPerl(char escape)
    {
        (int, int)[] ranges = char.ToLowerInvariant(escape) switch
        {
            'd' => [('0', '9')],
            's' => [('\t', '\n'), ('\f', '\r'), (' ', ' ')],
            _ => [('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')],
        };
        AddAll(ranges, char.IsUpper(escape));
    }

    /// <summary>[:name:] and [:^name:] inside a class.</summary>
    public bool AddPosix(string name)
    {
        var negated = name.StartsWith('^');
        (int, int)[]? ranges = (negated ? name[1..] : name) switch
        {
            "alnum" => [('0', '9'), ('A', 'Z'), ('a', 'z')],
            "alpha" => [('A', 'Z'), ('a', 'z')],
            "ascii" => [(0, 0x7F)],
            "blank" => [('\t', '\t'), (' ', ' ')],
            "cntrl" => [(0, 0x1F), (0x7F, 0x7F)],
            "digit" => [('0', '9')],
            "graph" => [('!', '~')],
            "lower" => [('a', 'z')],
            "print" => [(' ', '~')],
            "punct" => [('!', '/'), (':', '@'), ('[', '`'), ('{', '~')],
            "space" => [('\t', '\r'), (' ', ' ')],
            "upper" => [('A', 'Z')],
            "word" => [('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')],
            "xdigit" => [('0', '9'), ('A', 'F'), ('a', 'f')],
            _ => null,
        };
        if (ranges is null)
        {
            return false;
        }

        AddAll(ranges, negated);
        return true;
    }

    /// <summary>\pN, \p{Greek}, \P{L}: false for names Go does not know.</summary>
    public bool AddUnicode(string name, bool negated)
    {
        if (name == "Any")
        {
            AddAll([(0, MaxRune)], negated);
            return true;
        }

        if (Scripts.TryGetValue(name, out var script))
        {
            AddAll(script, negated);
            return true;
        }

        if (Array.IndexOf(Categories, name) < 0)
        {
            return false;
        }

        _categories.Add((negated ? @"\P{" : @"\p{") + name + "}");
        return true;
    }

    private void AddAll(IEnumerable<(int Low, int High)> ranges, bool negated)
    {
        _ranges.AddRange(negated ? Complement(ranges) : ranges);
    }

    private static List<(int Low, int High)> Complement(IEnumerable<(int Low, int High)> ranges)
    {
        var result = new List<(int, int)>();
        var next = 0;
        foreach (var (low, high) in ranges.OrderBy(r => r.Low))
        {
            if (low > next)
            {
                result.Add((next, low - 1));
            }

            next = Math.Max(next, high + 1);
        }

        if (next <= MaxRune)
        {
            result.Add((next, MaxRune));
        }

        return result;
    }

    public string ToPattern(bool negated)
    {
        if (negated && _categories.Count == 0)
        {
            var complement = new ClassSet();
            complement._ranges.AddRange(Complement(_ranges));
            return complement.ToPattern(false);
        }

        var bmp = new StringBuilder();
        var astral = new List<string>();
        foreach (var (low, high) in _ranges)
        {
            AddBmp(bmp, low, Math.Min(high, 0xD7FF));
            AddBmp(bmp, Math.Max(low, 0xE000), Math.Min(high, 0xFFFF));
            if (high > 0xFFFF)
            {
                AddAstral(astral, Math.Max(low, 0x10000), high);
            }
        }

        foreach (var category in _categories)
        {
            bmp.Append(category);
        }

        if (negated)
        {
            // A negated class with categories: every code point above U+FFFF is taken as outside it.
            return $@"(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|[^{bmp}])";
        }

        var parts = new List<string>(astral);
        if (bmp.Length > 0)
        {
            parts.Insert(0, $"[{bmp}]");
        }

        return parts.Count switch
        {
            0 => @"[^\s\S]",
            1 when astral.Count == 0 => parts[0],
            _ => "(?:" + string.Join('|', parts) + ")",
        };
    }

    private static void AddBmp(StringBuilder builder, int low, int high)
    {
        if (low > high)
        {
            return;
        }

        builder.Append(Unit(low));
        if (high > low)
        {
            builder.Append('-').Append(Unit(high));
        }
    }

    /// <summary>Code points above U+FFFF as surrogate pairs: ranges of high surrogates with ranges of low ones.</summary>
    private static void AddAstral(List<string> parts, int low, int high)
    {
        var (lowHigh, lowLow) = Split(low);
        var (highHigh, highLow) = Split(high);
        if (lowHigh == highHigh)
        {
            parts.Add($"{Unit(lowHigh)}[{Unit(lowLow)}-{Unit(highLow)}]");
            return;
        }

        parts.Add($"{Unit(lowHigh)}[{Unit(lowLow)}-\\uDFFF]");
        if (highHigh - lowHigh > 1)
        {
            parts.Add($"[{Unit(lowHigh + 1)}-{Unit(highHigh - 1)}][\\uDC00-\\uDFFF]");
        }

        parts.Add($"{Unit(highHigh)}[\\uDC00-{Unit(highLow)}]");
    }

    private static (int High, int Low) Split(int rune)
    {
        var offset = rune - 0x10000;
        return (0xD800 + (offset >> 10), 0xDC00 + (offset & 0x3FF));
    }

    private static string Unit(int unit) => @"\u" + unit.ToString("X4", CultureInfo.InvariantCulture);
}
