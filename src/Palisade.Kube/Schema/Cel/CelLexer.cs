using System.Globalization;
using System.Text;

namespace Palisade.Kube.Schema.Cel;

/// <summary>Splits CEL source into tokens. Unsigned and bytes literals are refused: no Kubernetes rule here needs them.</summary>
internal static class CelLexer
{
    // Longest first, so "==" is not read as "=" "=".
    private static readonly string[] Punctuation =
        ["==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "+", "-", "*", "/", "%", "?", ":", ".", ",", "(", ")", "[", "]", "{", "}"];

    public static IReadOnlyList<CelToken> Tokenize(string source)
    {
        var tokens = new List<CelToken>();
        var i = 0;
        while (true)
        {
            while (i < source.Length && (char.IsWhiteSpace(source[i]) || (source[i] == '/' && At(source, i + 1) == '/')))
            {
                if (source[i] == '/')
                {
                    while (i < source.Length && source[i] != '\n')
                    {
                        i++;
                    }
                }
                else
                {
                    i++;
                }
            }

            if (i >= source.Length)
            {
                tokens.Add(new CelToken(CelTokenKind.End, "end of rule", null, i));
                return tokens;
            }

            var c = source[i];
            var start = i;
            if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(At(source, i + 1))))
            {
                tokens.Add(ReadNumber(source, ref i));
            }
            else if (IsQuote(c) || ((c is 'r' or 'R' or 'b' or 'B') && IsQuote(At(source, i + 1)))
                     || ((c is 'r' or 'R' or 'b' or 'B') && (At(source, i + 1) is 'r' or 'R' or 'b' or 'B') && IsQuote(At(source, i + 2))))
            {
                tokens.Add(ReadString(source, ref i));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < source.Length && (char.IsAsciiLetterOrDigit(source[i]) || source[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new CelToken(CelTokenKind.Identifier, source[start..i], null, start));
            }
            else
            {
                var punctuation = Punctuation.FirstOrDefault(p => string.CompareOrdinal(source, i, p, 0, p.Length) == 0)
                    ?? throw new CelSyntaxException($"unexpected character '{c}'", i);
                i += punctuation.Length;
                tokens.Add(new CelToken(CelTokenKind.Punctuation, punctuation, null, start));
            }
        }
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    private static bool IsQuote(char c) => c is '\'' or '"';

    private static CelToken ReadNumber(string s, ref int i)
    {
        var start = i;
        if (s[i] == '0' && At(s, i + 1) is 'x' or 'X')
        {
            i += 2;
            while (char.IsAsciiHexDigit(At(s, i)))
            {
                i++;
            }

            RefuseUnsigned(s, i);
            var hex = s[(start + 2)..i];
            if (hex.Length == 0 || !long.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hexValue) || hexValue < 0)
            {
                throw new CelSyntaxException($"invalid or out-of-range integer '{s[start..i]}'", start);
            }

            return new CelToken(CelTokenKind.Int, s[start..i], hexValue, start);
        }

        var isDouble = false;
        while (char.IsAsciiDigit(At(s, i)))
        {
            i++;
        }

        if (At(s, i) == '.' && char.IsAsciiDigit(At(s, i + 1)))
        {
            isDouble = true;
            i++;
            while (char.IsAsciiDigit(At(s, i)))
            {
                i++;
            }
        }

        if (At(s, i) is 'e' or 'E')
        {
            var save = i;
            i++;
            if (At(s, i) is '+' or '-')
            {
                i++;
            }

            if (char.IsAsciiDigit(At(s, i)))
            {
                isDouble = true;
                while (char.IsAsciiDigit(At(s, i)))
                {
                    i++;
                }
            }
            else
            {
                i = save;
            }
        }

        var text = s[start..i];
        if (isDouble)
        {
            return new CelToken(CelTokenKind.Double, text, double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), start);
        }

        RefuseUnsigned(s, i);
        // 9223372036854775808 is only valid after a unary minus; the parser folds it, so keep it as a double here.
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return text == "9223372036854775808"
                ? new CelToken(CelTokenKind.Int, text, null, start)
                : throw new CelSyntaxException($"integer '{text}' is out of range", start);
        }

        return new CelToken(CelTokenKind.Int, text, value, start);
    }

    private static void RefuseUnsigned(string s, int i)
    {
        if (At(s, i) is 'u' or 'U')
        {
            throw new CelSyntaxException("unsigned integer literals are not supported", i);
        }
    }

    private static CelToken ReadString(string s, ref int i)
    {
        var start = i;
        var raw = false;
        while (s[i] is not ('\'' or '"'))
        {
            if (s[i] is 'b' or 'B')
            {
                throw new CelSyntaxException("bytes literals are not supported", start);
            }

            raw = true;
            i++;
        }

        var quote = s[i];
        var triple = At(s, i + 1) == quote && At(s, i + 2) == quote;
        var delimiter = new string(quote, triple ? 3 : 1);
        i += delimiter.Length;
        var text = new StringBuilder();
        while (true)
        {
            if (i >= s.Length || (!triple && s[i] is '\n' or '\r'))
            {
                throw new CelSyntaxException("unterminated string", start);
            }

            if (string.CompareOrdinal(s, i, delimiter, 0, delimiter.Length) == 0)
            {
                i += delimiter.Length;
                return new CelToken(CelTokenKind.String, s[start..i], text.ToString(), start);
            }

            if (s[i] == '\\' && !raw)
            {
                ReadEscape(s, ref i, text);
            }
            else
            {
                text.Append(s[i++]);
            }
        }
    }

    private static void ReadEscape(string s, ref int i, StringBuilder text)
    {
        var at = i;
        var c = At(s, i + 1);
        i += 2;
        switch (c)
        {
            case '\\' or '\'' or '"' or '`' or '?':
                text.Append(c);
                return;
            case 'a': text.Append('\a'); return;
            case 'b': text.Append('\b'); return;
            case 'f': text.Append('\f'); return;
            case 'n': text.Append('\n'); return;
            case 'r': text.Append('\r'); return;
            case 't': text.Append('\t'); return;
            case 'v': text.Append('\v'); return;
            case 'x' or 'X': AppendCodePoint(s, ref i, 2, 16, text, at); return;
            case 'u': AppendCodePoint(s, ref i, 4, 16, text, at); return;
            case 'U': AppendCodePoint(s, ref i, 8, 16, text, at); return;
            case >= '0' and <= '3':
                i--;
                AppendCodePoint(s, ref i, 3, 8, text, at);
                return;
            default:
                throw new CelSyntaxException($"invalid escape sequence '\\{c}'", at);
        }
    }

    private static void AppendCodePoint(string s, ref int i, int digits, int radix, StringBuilder text, int at)
    {
        var value = 0;
        for (var d = 0; d < digits; d++)
        {
            var digit = At(s, i + d) switch
            {
                var h when char.IsAsciiDigit(h) => h - '0',
                var h when radix == 16 && h is >= 'a' and <= 'f' => h - 'a' + 10,
                var h when radix == 16 && h is >= 'A' and <= 'F' => h - 'A' + 10,
                _ => radix,
            };
            if (digit >= radix)
            {
                throw new CelSyntaxException("invalid escape sequence", at);
            }

            value = (value * radix) + digit;
        }

        i += digits;
        if (value > 0x10FFFF || value is >= 0xD800 and <= 0xDFFF)
        {
            throw new CelSyntaxException("escape sequence is not a valid code point", at);
        }

        text.Append(char.ConvertFromUtf32(value));
    }
}
