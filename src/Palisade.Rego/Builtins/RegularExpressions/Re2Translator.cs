using System.Globalization;
using System.Text;

namespace Palisade.Rego.Builtins.RegularExpressions;

/// <summary>
/// Reads a pattern in Go's RE2 syntax, rejecting what Go rejects with Go's messages, and writes the equivalent .NET
/// pattern for the non-backtracking engine. Where the dialects differ, the .NET text spells out Go's meaning:
/// <c>$</c> is end of text unless (?m); <c>\d \w \s</c> and POSIX classes are ASCII; <c>.</c> and negated classes
/// consume a whole code point; named groups become plain groups so groups number by position as in Go; (?s), (?m)
/// and (?U) are applied here rather than passed on.
/// </summary>
internal sealed class Re2Translator
{
    private const int MaxRepeat = 1000;
    private const string Surrogates = @"[\uD800-\uDBFF][\uDC00-\uDFFF]";

    private readonly string _pattern;
    private readonly StringBuilder _out = new();
    private readonly List<string?> _groupNames = [null];
    private readonly Stack<Flags> _scopes = new();
    private Flags _flags;
    private int _pos;

    private Re2Translator(string pattern) => _pattern = pattern;

    [Flags]
    private enum Flags
    {
        None = 0,
        FoldCase = 1,
        MultiLine = 2,
        DotNewline = 4,
        Ungreedy = 8,
    }

    /// <summary>The .NET pattern and the name of each group by number (index 0 is the whole match).</summary>
    public static (string Pattern, IReadOnlyList<string?> GroupNames) Translate(string pattern)
    {
        var translator = new Re2Translator(pattern);
        translator.Run();
        return (translator._out.ToString(), translator._groupNames);
    }

    private static Re2SyntaxException Error(string code, string expression) => new(code, expression);

    private void Run()
    {
        // Whether the last item can take a repetition, and where the repetition just read (if any) began.
        var canRepeat = false;
        var lastRepeat = -1;
        while (_pos < _pattern.Length)
        {
            var c = _pattern[_pos];
            var start = _pos;
            switch (c)
            {
                case '(':
                    _scopes.Push(_flags);
                    OpenGroup();
                    canRepeat = false;
                    lastRepeat = -1;
                    continue;
                case ')':
                    if (_scopes.Count == 0)
                    {
                        throw Error("unexpected )", _pattern);
                    }

                    _flags = _scopes.Pop();
                    _out.Append(')');
                    _pos++;
                    canRepeat = true;
                    lastRepeat = -1;
                    continue;
                case '|':
                    _out.Append('|');
                    _pos++;
                    canRepeat = false;
                    lastRepeat = -1;
                    continue;
                case '*' or '+' or '?':
                    Repeat(start, _pos + 1, ref canRepeat, ref lastRepeat);
                    continue;
                case '{':
                    if (TryRepeatCount(out var end))
                    {
                        Repeat(start, end, ref canRepeat, ref lastRepeat);
                        continue;
                    }

                    _out.Append(@"\{");
                    _pos++;
                    break;
                case '^':
                    _out.Append(_flags.HasFlag(Flags.MultiLine) ? "(?m:^)" : @"\A");
                    _pos++;
                    break;
                case '$':
                    _out.Append(_flags.HasFlag(Flags.MultiLine) ? "(?m:$)" : @"\z");
                    _pos++;
                    break;
                case '.':
                    _out.Append(_flags.HasFlag(Flags.DotNewline) ? $"(?:{Surrogates}|[\\s\\S])" : $"(?:{Surrogates}|[^\\n])");
                    _pos++;
                    break;
                case '[':
                    CharClass();
                    break;
                case '\\':
                    Escape();
                    break;
                default:
                    var rune = Rune.GetRuneAt(_pattern, _pos);
                    AppendLiteral(rune.Value);
                    _pos += rune.Utf16SequenceLength;
                    break;
            }

            canRepeat = true;
            lastRepeat = -1;
        }

        if (_scopes.Count > 0)
        {
            throw Error("missing closing )", _pattern);
        }
    }

    private void Repeat(int start, int end, ref bool canRepeat, ref int lastRepeat)
    {
        var op = _pattern[start..end];
        var lazy = end < _pattern.Length && _pattern[end] == '?';
        var after = lazy ? end + 1 : end;
        if (lastRepeat >= 0)
        {
            throw Error("invalid nested repetition operator", _pattern[lastRepeat..after]);
        }

        if (!canRepeat)
        {
            throw Error("missing argument to repetition operator", _pattern[start..after]);
        }

        if (_flags.HasFlag(Flags.Ungreedy))
        {
            lazy = !lazy;
        }

        // Every translated item is a single .NET atom (a class, an escape or a group), so the quantifier applies
        // to the same thing in both dialects.
        _out.Append(op).Append(lazy ? "?" : "");
        _pos = after;
        lastRepeat = start;
    }

    /// <summary>Go's {n}, {n,}, {n,m}; anything else starting with { is a literal brace.</summary>
    private bool TryRepeatCount(out int end)
    {
        end = _pos;
        var i = _pos + 1;
        var min = ReadNumber(ref i);
        if (min is null)
        {
            return false;
        }

        int? max = min;
        if (i < _pattern.Length && _pattern[i] == ',')
        {
            i++;
            max = i < _pattern.Length && _pattern[i] == '}' ? -1 : ReadNumber(ref i);
            if (max is null)
            {
                return false;
            }
        }

        if (i >= _pattern.Length || _pattern[i] != '}')
        {
            return false;
        }

        end = i + 1;
        if (min > MaxRepeat || max > MaxRepeat || (max >= 0 && max < min))
        {
            throw Error("invalid repeat count", _pattern[_pos..end]);
        }

        return true;
    }

    private int? ReadNumber(ref int i)
    {
        var start = i;
        while (i < _pattern.Length && char.IsAsciiDigit(_pattern[i]))
        {
            i++;
        }

        if (i == start || (i - start > 1 && _pattern[start] == '0'))
        {
            return null;
        }

        return i - start > 8 ? int.MaxValue : int.Parse(_pattern.AsSpan(start, i - start), CultureInfo.InvariantCulture);
    }

    private void OpenGroup()
    {
        var rest = _pattern.AsSpan(_pos);
        if (!rest.StartsWith("(?"))
        {
            _groupNames.Add(null);
            _out.Append('(');
            _pos++;
            return;
        }

        // Go reads (?< as a named group, so lookbehinds fail as invalid names.
        if (rest.StartsWith("(?P<") || rest.StartsWith("(?<"))
        {
            var begin = rest.StartsWith("(?P<") ? 4 : 3;
            var close = rest.IndexOf('>');
            if (close < 0)
            {
                throw Error("invalid named capture", _pattern[_pos..]);
            }

            var name = rest[begin..close].ToString();
            if (name.Length == 0 || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
            {
                throw Error("invalid named capture", rest[..(close + 1)].ToString());
            }

            if (_groupNames.Contains(name))
            {
                throw Error("duplicate capture group name", rest[..(close + 1)].ToString());
            }

            _groupNames.Add(name);
            _out.Append('(');
            _pos += close + 1;
            return;
        }

        // Flags: (?flags) or (?flags:re); '-' negates the flags after it.
        var flags = _flags;
        var negate = false;
        var sawFlag = false;
        for (var i = 2; i < rest.Length; i++)
        {
            switch (rest[i])
            {
                case 'i':
                    flags = negate ? flags & ~Flags.FoldCase : flags | Flags.FoldCase;
                    sawFlag = true;
                    continue;
                case 'm':
                    flags = negate ? flags & ~Flags.MultiLine : flags | Flags.MultiLine;
                    sawFlag = true;
                    continue;
                case 's':
                    flags = negate ? flags & ~Flags.DotNewline : flags | Flags.DotNewline;
                    sawFlag = true;
                    continue;
                case 'U':
                    flags = negate ? flags & ~Flags.Ungreedy : flags | Flags.Ungreedy;
                    sawFlag = true;
                    continue;
                case '-' when !negate:
                    negate = true;
                    sawFlag = false;
                    continue;
                case ':' or ')':
                    if (negate && !sawFlag)
                    {
                        break;
                    }

                    var caseFlag = flags.HasFlag(Flags.FoldCase) ? "i" : "-i";
                    if (rest[i] == ':')
                    {
                        // A non-capturing group with its own flags; they end with the group.
                        _flags = flags;
                        _out.Append("(?").Append(caseFlag).Append(':');
                    }
                    else
                    {
                        // Flags for the rest of the enclosing group: not a group of its own.
                        _scopes.Pop();
                        _flags = flags;
                        _out.Append("(?").Append(caseFlag).Append(')');
                    }

                    _pos += i + 1;
                    return;
            }

            throw Error("invalid or unsupported Perl syntax", rest[..(i + 1)].ToString());
        }

        throw Error("missing closing )", _pattern);
    }

    private void Escape()
    {
        if (_pos + 1 >= _pattern.Length)
        {
            throw Error("trailing backslash at end of expression", "");
        }

        var c = _pattern[_pos + 1];
        switch (c)
        {
            case 'A':
                _out.Append(@"\A");
                _pos += 2;
                return;
            case 'z':
                _out.Append(@"\z");
                _pos += 2;
                return;
            case 'b':
                _out.Append(@"\b");
                _pos += 2;
                return;
            case 'B':
                _out.Append(@"\B");
                _pos += 2;
                return;
            case 'Q':
                var endQuote = _pattern.IndexOf(@"\E", _pos + 2, StringComparison.Ordinal);
                var literal = endQuote < 0 ? _pattern[(_pos + 2)..] : _pattern[(_pos + 2)..endQuote];
                foreach (var rune in literal.EnumerateRunes())
                {
                    AppendLiteral(rune.Value);
                }

                _pos = endQuote < 0 ? _pattern.Length : endQuote + 2;
                return;
        }

        var set = new ClassSet();
        if (TryClassEscape(set))
        {
            _out.Append(set.ToPattern(negated: false));
            return;
        }

        AppendLiteral(EscapedRune());
    }

    /// <summary>\d \s \w (and negations) and \p{…}: adds their ranges to the set.</summary>
    private bool TryClassEscape(ClassSet set)
    {
        var c = _pattern[_pos + 1];
        switch (c)
        {
            case 'd' or 'D' or 's' or 'S' or 'w' or 'W':
                set.AddPerl(c);
                _pos += 2;
                return true;
            case 'p' or 'P':
                var start = _pos;
                _pos += 2;
                if (_pos >= _pattern.Length)
                {
                    throw Error("invalid character class range", _pattern[start..]);
                }

                string name;
                if (_pattern[_pos] == '{')
                {
                    var close = _pattern.IndexOf('}', _pos);
                    if (close < 0)
                    {
                        throw Error("invalid character class range", _pattern[start..]);
                    }

                    name = _pattern[(_pos + 1)..close];
                    _pos = close + 1;
                }
                else
                {
                    var rune = Rune.GetRuneAt(_pattern, _pos);
                    name = rune.ToString();
                    _pos += rune.Utf16SequenceLength;
                }

                var negated = c == 'P';
                if (name.StartsWith('^'))
                {
                    negated = !negated;
                    name = name[1..];
                }

                if (!set.AddUnicode(name, negated))
                {
                    throw Error("invalid character class range", _pattern[start.._pos]);
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>A single escaped character: punctuation, \a \f \t \n \r \v, octal, \x41, \x{10FFFF}.</summary>
    private int EscapedRune()
    {
        var start = _pos;
        var c = _pattern[_pos + 1];
        _pos += 2;
        switch (c)
        {
            case 'a':
                return 7;
            case 'f':
                return '\f';
            case 't':
                return '\t';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 'v':
                return '\v';
            case >= '1' and <= '7' when _pos >= _pattern.Length || _pattern[_pos] is < '0' or > '7':
                throw Error("invalid escape sequence", _pattern[start.._pos]);
            case >= '0' and <= '7':
                var value = c - '0';
                for (var n = 1; n < 3 && _pos < _pattern.Length && _pattern[_pos] is >= '0' and <= '7'; n++)
                {
                    value = (value * 8) + (_pattern[_pos++] - '0');
                }

                return value;
            case 'x':
                return HexEscape(start);
        }

        if (c < 0x80 && !char.IsAsciiLetterOrDigit(c))
        {
            return c;
        }

        var rune = Rune.GetRuneAt(_pattern, _pos - 1);
        _pos += rune.Utf16SequenceLength - 1;
        throw Error("invalid escape sequence", _pattern[start.._pos]);
    }

    private int HexEscape(int start)
    {
        if (_pos < _pattern.Length && _pattern[_pos] == '{')
        {
            var close = _pattern.IndexOf('}', _pos);
            var digits = close < 0 ? "" : _pattern[(_pos + 1)..close];
            if (close < 0 || digits.Length == 0 || !int.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var big) || big > 0x10FFFF)
            {
                _pos = close < 0 ? _pattern.Length : close + 1;
                throw Error("invalid escape sequence", _pattern[start.._pos]);
            }

            _pos = close + 1;
            return big;
        }

        if (_pos + 2 > _pattern.Length || !int.TryParse(_pattern.AsSpan(_pos, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            _pos = Math.Min(_pos + 2, _pattern.Length);
            throw Error("invalid escape sequence", _pattern[start.._pos]);
        }

        _pos += 2;
        return value;
    }

    private void CharClass()
    {
        var start = _pos;
        _pos++;
        var negated = false;
        if (_pos < _pattern.Length && _pattern[_pos] == '^')
        {
            negated = true;
            _pos++;
        }

        var set = new ClassSet();
        var first = true;
        while (true)
        {
            if (_pos >= _pattern.Length)
            {
                throw Error("missing closing ]", _pattern[start..]);
            }

            var c = _pattern[_pos];
            if (c == ']' && !first)
            {
                _pos++;
                break;
            }

            first = false;
            if (c == '[' && _pos + 1 < _pattern.Length && _pattern[_pos + 1] == ':')
            {
                var close = _pattern.IndexOf(":]", _pos + 2, StringComparison.Ordinal);
                if (close >= 0)
                {
                    var name = _pattern[(_pos + 2)..close];
                    if (!set.AddPosix(name))
                    {
                        throw Error("invalid character class range", _pattern[_pos..(close + 2)]);
                    }

                    _pos = close + 2;
                    continue;
                }
            }

            if (c == '\\' && _pos + 1 < _pattern.Length && TryClassEscape(set))
            {
                continue;
            }

            var rangeStart = _pos;
            var low = ClassRune();
            var high = low;
            if (_pos + 1 < _pattern.Length && _pattern[_pos] == '-' && _pattern[_pos + 1] != ']')
            {
                _pos++;
                high = ClassRune();
                if (high < low)
                {
                    throw Error("invalid character class range", _pattern[rangeStart.._pos]);
                }
            }

            set.Add(low, high);
        }

        _out.Append(set.ToPattern(negated));
    }

    private int ClassRune()
    {
        if (_pos >= _pattern.Length)
        {
            throw Error("missing closing ]", _pattern);
        }

        if (_pattern[_pos] == '\\')
        {
            if (_pos + 1 >= _pattern.Length)
            {
                throw Error("trailing backslash at end of expression", "");
            }

            return EscapedRune();
        }

        var rune = Rune.GetRuneAt(_pattern, _pos);
        _pos += rune.Utf16SequenceLength;
        return rune.Value;
    }

    private void AppendLiteral(int rune)
    {
        if (rune > 0xFFFF)
        {
            _out.Append("(?:");
            foreach (var unit in new Rune(rune).ToString())
            {
                _out.Append(@"\u").Append(((int)unit).ToString("X4", CultureInfo.InvariantCulture));
            }

            _out.Append(')');
            return;
        }

        if (char.IsAsciiLetterOrDigit((char)rune) || rune == '_')
        {
            _out.Append((char)rune);
        }
        else
        {
            _out.Append(@"\u").Append(rune.ToString("X4", CultureInfo.InvariantCulture));
        }
    }
}
