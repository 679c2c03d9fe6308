using Palisade.Kube.Calico.Selectors;

namespace Palisade.Kube.Tests.Calico.Selectors;

/// <summary>
/// Builds random selectors through the public constructors (so, in normal form), and writes them back as text in
/// random but equivalent spellings: extra blanks and tabs, either quote, redundant parentheses, "!!", shuffled and
/// repeated set values, trailing commas, "notin" for "not in"…
/// </summary>
internal sealed class RandomSelectors(int seed)
{
    private const string LabelChars = "abcxyzABZ0189_./-";

    private static readonly string[] Labels =
    [
        "a", "app", "in", "not", "notin", "has", "all", "global", "contains", "starts", "ends", "with",
        "k8s-app", "projectcalico.org/name", "x.y/z-1", "_", "-", "/", ".", "0",
    ];

    private static readonly string[] ValueParts =
    [
        "", "x", "web", " ", "\t", "it's", "'", "\"q\"", "&&", "||", "(", ")", "{", "}", ",", "!", "==", "é", "日本", "😀", "\\", "has(a)",
    ];

    private readonly Random _random = new(seed);

    public Selector Next(int maxDepth = 4)
    {
        if (maxDepth == 0 || _random.Next(10) < 4)
        {
            return Leaf();
        }

        return _random.Next(3) switch
        {
            0 => Selector.Not(Next(maxDepth - 1)),
            1 => Selector.And(Enumerable.Range(0, _random.Next(2, 4)).Select(_ => Next(maxDepth - 1))),
            _ => Selector.Or(Enumerable.Range(0, _random.Next(2, 4)).Select(_ => Next(maxDepth - 1))),
        };
    }

    public string Write(Selector selector) => Blank() + WriteNode(selector, 0) + Blank();

    private Selector Leaf() => _random.Next(10) switch
    {
        0 => _random.Next(2) == 0 ? AllSelector.Instance : GlobalSelector.Instance,
        1 => new HasSelector(Label()),
        2 => new EqualsSelector(Label(), Value()),
        3 => new NotEqualsSelector(Label(), Value()),
        4 => new ContainsSelector(Label(), Value()),
        5 => new StartsWithSelector(Label(), Value()),
        6 => new EndsWithSelector(Label(), Value()),
        7 => new InSelector(Label(), Values()),
        8 => new NotInSelector(Label(), Values()),
        _ => new EqualsSelector(Label(), Value()),
    };

    private string Label()
    {
        var pick = _random.Next(20);
        if (pick == 0)
        {
            return new string('L', 512);
        }

        if (pick < 10)
        {
            return Labels[_random.Next(Labels.Length)];
        }

        return new string(Enumerable.Range(0, _random.Next(1, 12)).Select(_ => LabelChars[_random.Next(LabelChars.Length)]).ToArray());
    }

    private string Value()
    {
        var value = string.Concat(Enumerable.Range(0, _random.Next(0, 4)).Select(_ => ValueParts[_random.Next(ValueParts.Length)]));

        // No escapes exist, so a value can hold one kind of quote but not both.
        return value.Contains('\'') && value.Contains('"') ? value.Replace("\"", "", StringComparison.Ordinal) : value;
    }

    private string[] Values() => Enumerable.Range(0, _random.Next(0, 4)).Select(_ => Value()).ToArray();

    private string WriteNode(Selector selector, int parentPrecedence)
    {
        var precedence = selector switch { OrSelector => 1, AndSelector => 2, _ => 3 };
        var text = selector switch
        {
            AllSelector => $"all({Blank()})",
            GlobalSelector => $"global({Blank()})",
            HasSelector has => $"has({Blank()}{has.Label}{Blank()})",
            ComparisonSelector c => $"{c.Label}{OperatorGap(c.Operator)}{Spell(c.Operator)}{Blank()}{Quote(c.Value)}",
            SetSelector s => $"{s.Label}{Gap()}{Spell(s.Operator)}{Blank()}{{{Blank()}{SetBody(s.Values)}}}",
            NotSelector not => $"!{Blank()}{WriteNode(not.Operand, 3)}",
            LogicalSelector logical => WriteLogical(logical),
            _ => throw new ArgumentOutOfRangeException(nameof(selector)),
        };

        if (precedence < parentPrecedence || _random.Next(12) == 0)
        {
            text = $"({Blank()}{text}{Blank()})";
        }

        if (_random.Next(12) == 0)
        {
            text = $"!{Blank()}!{Blank()}{(precedence < 3 && !text.StartsWith('(') ? $"({text})" : text)}";
        }

        return text;
    }

    private string WriteLogical(LogicalSelector logical)
    {
        var precedence = logical is OrSelector ? 1 : 2;
        var parts = logical.Operands.Select(o => WriteNode(o, precedence + 1)).ToList();

        // Both operators are associative: regrouping a run of operands in parentheses must not change the value.
        if (parts.Count >= 3 && _random.Next(3) == 0)
        {
            var start = _random.Next(parts.Count - 1);
            var joined = string.Join($"{Blank()}{logical.Operator}{Blank()}", parts.GetRange(start, 2));
            parts.RemoveRange(start, 2);
            parts.Insert(start, $"({joined})");
        }

        return string.Join($"{Blank()}{logical.Operator}{Blank()}", parts);
    }

    private string SetBody(IReadOnlyList<string> values)
    {
        var written = values.Concat(values.Where(_ => _random.Next(3) == 0)).OrderBy(_ => _random.Next()).Select(Quote).ToList();
        var body = string.Join($"{Blank()},{Blank()}", written);
        var trailingComma = written.Count > 0 && _random.Next(3) == 0 ? $"{Blank()}," : "";
        return $"{body}{trailingComma}{Blank()}";
    }

    private string Spell(string op) => op switch
    {
        "not in" => "not" + Blank() + "in",
        "starts with" => "starts" + Blank() + "with",
        "ends with" => "ends" + Blank() + "with",
        _ => op,
    };

    // A word operator must be kept apart from the label before it; a symbol need not be.
    private string OperatorGap(string op) => char.IsLetter(op[0]) ? Gap() : Blank();

    private string Quote(string value) =>
        value.Contains('\'') || (!value.Contains('"') && _random.Next(2) == 0) ? $"\"{value}\"" : $"'{value}'";

    private string Blank() => _random.Next(4) switch { 0 => " ", 1 => "\t ", 2 => "  ", _ => "" };

    private string Gap() => _random.Next(3) == 0 ? " \t" : " ";
}
