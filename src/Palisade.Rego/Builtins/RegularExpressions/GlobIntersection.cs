namespace Palisade.Rego.Builtins.RegularExpressions;

/// <summary>
/// regex.globs_match: whether two "regex globs" (characters, <c>.</c>, sets like <c>[a-z]</c>, each optionally
/// followed by <c>*</c> or <c>+</c>, with <c>\</c> escapes) can match a common string. Patterns are read as the
/// glob-intersection library OPA uses reads them, with its error messages; the intersection is decided exactly, by
/// exploring pairs of positions in the two patterns.
/// </summary>
internal static class GlobIntersection
{
    private enum Repeat
    {
        Once,
        Star,
        Plus,
    }

    /// <summary>A token: null runes means any character (the dot).</summary>
    private sealed record Token(HashSet<int>? Runes, Repeat Repeat)
    {
        public bool Overlaps(Token other) =>
            Runes is null || other.Runes is null || Runes.Overlaps(other.Runes);
    }

    public static bool NonEmpty(string left, string right)
    {
        var a = Expand(Tokenize(left));
        var b = Expand(Tokenize(right));

        // States (i, j): positions in a and b. A starred token may be skipped or consume and stay.
        var seen = new HashSet<(int, int)>();
        var work = new Stack<(int, int)>();
        Push(0, 0);
        while (work.Count > 0)
        {
            var (i, j) = work.Pop();
            if (i == a.Count && j == b.Count)
            {
                return true;
            }

            if (i < a.Count && a[i].Repeat == Repeat.Star)
            {
                Push(i + 1, j);
            }

            if (j < b.Count && b[j].Repeat == Repeat.Star)
            {
                Push(i, j + 1);
            }

            if (i < a.Count && j < b.Count && a[i].Overlaps(b[j]))
            {
                var nextI = a[i].Repeat == Repeat.Star ? i : i + 1;
                var nextJ = b[j].Repeat == Repeat.Star ? j : j + 1;
                Push(nextI, nextJ);
                if (a[i].Repeat == Repeat.Star)
                {
                    Push(i + 1, nextJ);
                }

                if (b[j].Repeat == Repeat.Star)
                {
                    Push(nextI, j + 1);
                }
            }
        }

        return false;

        void Push(int i, int j)
        {
            if (seen.Add((i, j)))
            {
                work.Push((i, j));
            }
        }
    }

    /// <summary>t+ becomes t t*, so only single and starred tokens remain.</summary>
    private static List<Token> Expand(List<Token> tokens)
    {
        var result = new List<Token>(tokens.Count);
        foreach (var token in tokens)
        {
            if (token.Repeat == Repeat.Plus)
            {
                result.Add(token with { Repeat = Repeat.Once });
                result.Add(token with { Repeat = Repeat.Star });
            }
            else
            {
                result.Add(token);
            }
        }

        return result;
    }

    private static List<Token> Tokenize(string text)
    {
        var input = Strings.Runes.Of(text);
        var tokens = new List<Token>();
        var index = 0;
        while (index < input.Length)
        {
            var (rune, escaped) = NextRune(input, ref index);
            HashSet<int>? runes;
            if (!escaped && rune == '.')
            {
                runes = null;
            }
            else if (!escaped && rune == ']')
            {
                throw Invalid(text, index, "set-close ']' with no preceding '['");
            }
            else if (!escaped && rune == '[')
            {
                runes = ReadSet(text, input, ref index);
            }
            else if (!escaped && rune is '*' or '+')
            {
                throw Invalid(text, index, $"flag '{char.ConvertFromUtf32(rune)}' must be preceded by a non-flag");
            }
            else
            {
                runes = [rune];
            }

            var repeat = Repeat.Once;
            if (index < input.Length && input[index] is '*' or '+')
            {
                repeat = input[index] == '*' ? Repeat.Star : Repeat.Plus;
                index++;
            }

            tokens.Add(new Token(runes, repeat));
        }

        return tokens;
    }

    private static HashSet<int> ReadSet(string text, int[] input, ref int index)
    {
        var runes = new HashSet<int>();
        var previous = -1;
        while (index < input.Length)
        {
            var (rune, escaped) = NextRune(input, ref index);
            if (escaped)
            {
                runes.Add(rune);
                previous = rune;
                continue;
            }

            switch (rune)
            {
                case ']':
                    return runes;
                case '-':
                    if (previous < 0)
                    {
                        throw Invalid(text, index, "range character '-' must be preceded by a Unicode character");
                    }

                    if (index >= input.Length - 1)
                    {
                        throw Invalid(text, index, "range character '-' must be followed by a Unicode character");
                    }

                    var (high, highEscaped) = NextRune(input, ref index);
                    if (!highEscaped && high is ']' or '-')
                    {
                        throw Invalid(text, index, "range character '-' cannot be followed by a special symbol");
                    }

                    if (high < previous)
                    {
                        throw Invalid(text, index, $"range is out of order: '{char.ConvertFromUtf32(high)}' comes before '{char.ConvertFromUtf32(previous)}' in Unicode");
                    }

                    for (var r = previous; r <= high; r++)
                    {
                        runes.Add(r);
                    }

                    previous = -1;
                    break;
                default:
                    runes.Add(rune);
                    previous = rune;
                    break;
            }
        }

        throw Invalid(text, index, "found [ without matching ]");
    }

    private static (int Rune, bool Escaped) NextRune(int[] input, ref int index)
    {
        if (input[index] != '\\')
        {
            return (input[index++], false);
        }

        if (index == input.Length - 1)
        {
            throw new BuiltinException($"input:{Strings.Runes.ToText(input)}, pos:{index}, input ends with a \\ (escape) character: the input provided is invalid");
        }

        index += 2;
        return (input[index - 1], true);
    }

    private static BuiltinException Invalid(string text, int index, string message) =>
        new($"input:{text}, pos:{index}, {message}: the input provided is invalid");
}
