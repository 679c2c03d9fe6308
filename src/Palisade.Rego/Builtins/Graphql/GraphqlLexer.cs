using System.Globalization;
using System.Text;

namespace Palisade.Rego.Builtins.Graphql;

/// <summary>
/// Splits GraphQL source into tokens, skipping whitespace, commas and comments. A character it cannot read becomes an
/// <see cref="TokenKind.Invalid"/> token carrying the error; the parser decides how to report it, as gqlparser does.
/// </summary>
internal sealed class GraphqlLexer(string input)
{
    private readonly string _input = input;
    private int _end;
    private int _endRunes;
    private int _line = 1;
    private int _lineStartRunes;
    private int _startRunes;

    /// <summary>The lexer's message for the last <see cref="TokenKind.Invalid"/> token.</summary>
    public GraphqlSyntaxException? Error { get; private set; }

    public Token Next()
    {
        SkipIgnored();
        _startRunes = _endRunes;
        if (_end >= _input.Length)
        {
            return Make(TokenKind.Eof, "");
        }

        var c = _input[_end];
        var punctuator = c switch
        {
            '!' => TokenKind.Bang,
            '$' => TokenKind.Dollar,
            '&' => TokenKind.Amp,
            '(' => TokenKind.ParenL,
            ')' => TokenKind.ParenR,
            ':' => TokenKind.Colon,
            '=' => TokenKind.Equals,
            '@' => TokenKind.At,
            '[' => TokenKind.BracketL,
            ']' => TokenKind.BracketR,
            '{' => TokenKind.BraceL,
            '}' => TokenKind.BraceR,
            '|' => TokenKind.Pipe,
            _ => TokenKind.Eof,
        };
        if (punctuator != TokenKind.Eof)
        {
            Advance(1);
            return Make(punctuator, "");
        }

        if (c == '.' && string.CompareOrdinal(_input, _end, "...", 0, 3) == 0)
        {
            Advance(3);
            return Make(TokenKind.Spread, "");
        }

        if (c == '_' || char.IsAsciiLetter(c))
        {
            return ReadName();
        }

        if (c == '-' || char.IsAsciiDigit(c))
        {
            return ReadNumber();
        }

        if (c == '"')
        {
            return string.CompareOrdinal(_input, _end, "\"\"\"", 0, 3) == 0 ? ReadBlockString() : ReadString();
        }

        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        {
            return Fail($"Cannot contain the invalid character \"\\u{(int)c:D4}\"");
        }

        if (c == '\'')
        {
            return Fail("Unexpected single quote character ('), did you mean to use a double quote (\")?");
        }

        // A lone surrogate decodes to U+FFFD rather than throwing, as Go decodes invalid UTF-8.
        Rune.DecodeFromUtf16(_input.AsSpan(_end), out var rune, out _);
        return Fail($"Cannot parse the unexpected character \"{rune}\".");
    }

    private Token Make(TokenKind kind, string value) =>
        new(kind, value, new SourcePosition(_line, _startRunes - _lineStartRunes + 1));

    /// <summary>An invalid token, positioned where reading stopped (gqlparser's column for lexer errors).</summary>
    private Token Fail(string message)
    {
        var position = new SourcePosition(_line, _endRunes - _lineStartRunes + 1);
        Error = new GraphqlSyntaxException(message, position);
        return new Token(TokenKind.Invalid, "", position);
    }

    /// <summary>Moves past <paramref name="units"/> UTF-16 units of ASCII text.</summary>
    private void Advance(int units)
    {
        _end += units;
        _endRunes += units;
    }

    /// <summary>Moves past one code point, counting a surrogate pair as one column.</summary>
    private void AdvanceRune()
    {
        _end += char.IsHighSurrogate(_input[_end]) && _end + 1 < _input.Length && char.IsLowSurrogate(_input[_end + 1]) ? 2 : 1;
        _endRunes++;
    }

    private void NewLine()
    {
        _line++;
        _lineStartRunes = _endRunes;
    }

    private void SkipIgnored()
    {
        while (_end < _input.Length)
        {
            switch (_input[_end])
            {
                case '\t' or ' ' or ',' or '\uFEFF':
                    Advance(1);
                    break;
                case '\n':
                    Advance(1);
                    NewLine();
                    break;
                case '\r':
                    Advance(1);
                    NewLine();
                    if (_end < _input.Length && _input[_end] == '\n')
                    {
                        Advance(1);
                    }

                    break;
                case '#':
                    while (_end < _input.Length && (_input[_end] > 0x1f || _input[_end] == '\t'))
                    {
                        AdvanceRune();
                    }

                    break;
                default:
                    return;
            }
        }
    }

    private Token ReadName()
    {
        var start = _end;
        while (_end < _input.Length && (_input[_end] == '_' || char.IsAsciiLetterOrDigit(_input[_end])))
        {
            Advance(1);
        }

        return Make(TokenKind.Name, _input[start.._end]);
    }

    // Int: -?(0|[1-9][0-9]*)   Float: Int (\.[0-9]+)? ([eE][+-]?[0-9]+)?
    private Token ReadNumber()
    {
        var start = _end;
        var isFloat = false;
        Accept('-');
        if (Accept('0'))
        {
            var consumed = AcceptDigits();
            if (consumed != 0)
            {
                _end -= consumed;
                _endRunes -= consumed;
                return Fail($"Invalid number, unexpected digit after 0: {DescribeNext()}.");
            }
        }
        else if (AcceptDigits() == 0)
        {
            return Fail($"Invalid number, expected digit but got: {DescribeNext()}.");
        }

        if (Accept('.'))
        {
            isFloat = true;
            if (AcceptDigits() == 0)
            {
                return Fail($"Invalid number, expected digit but got: {DescribeNext()}.");
            }
        }

        if (Accept('e') || Accept('E'))
        {
            isFloat = true;
            _ = Accept('-') || Accept('+');
            if (AcceptDigits() == 0)
            {
                return Fail($"Invalid number, expected digit but got: {DescribeNext()}.");
            }
        }

        return Make(isFloat ? TokenKind.Float : TokenKind.Int, _input[start.._end]);
    }

    private bool Accept(char c)
    {
        if (_end < _input.Length && _input[_end] == c)
        {
            Advance(1);
            return true;
        }

        return false;
    }

    private int AcceptDigits()
    {
        var consumed = 0;
        while (_end < _input.Length && char.IsAsciiDigit(_input[_end]))
        {
            Advance(1);
            consumed++;
        }

        return consumed;
    }

    private string DescribeNext() => _end < _input.Length ? $"\"{_input[_end]}\"" : "<EOF>";

    private Token ReadString()
    {
        Advance(1);
        _startRunes = _endRunes;
        var builder = new StringBuilder();
        while (_end < _input.Length)
        {
            var c = _input[_end];
            if (c is '\n' or '\r')
            {
                break;
            }

            if (c < 0x20 && c != '\t')
            {
                return Fail($"Invalid character within String: \"\\u{(int)c:D4}\".");
            }

            if (c == '"')
            {
                var token = Make(TokenKind.String, builder.ToString());
                Advance(1);
                return token;
            }

            if (c != '\\')
            {
                var from = _end;
                AdvanceRune();
                builder.Append(_input, from, _end - from);
                continue;
            }

            if (_end + 1 >= _input.Length)
            {
                Advance(1);
                return Fail("Invalid character escape sequence.");
            }

            var escape = _input[_end + 1];
            if (escape == 'u')
            {
                if (_end + 6 >= _input.Length)
                {
                    Advance(1);
                    return Fail($"Invalid character escape sequence: \\{_input[_end..]}.");
                }

                if (!int.TryParse(_input.AsSpan(_end + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    Advance(1);
                    return Fail($"Invalid character escape sequence: \\{_input.Substring(_end, 5)}.");
                }

                builder.Append((char)code);
                Advance(6);
                continue;
            }

            var decoded = escape switch
            {
                '"' or '/' or '\\' => escape,
                'b' => '\b',
                'f' => '\f',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                _ => '\0',
            };
            if (decoded == '\0')
            {
                Advance(1);
                return Fail($"Invalid character escape sequence: \\{escape}.");
            }

            builder.Append(decoded);
            Advance(2);
        }

        return Fail("Unterminated string.");
    }

    private Token ReadBlockString()
    {
        Advance(3);
        _startRunes = _endRunes;
        var builder = new StringBuilder();
        while (_end < _input.Length)
        {
            var c = _input[_end];
            if (c == '"' && string.CompareOrdinal(_input, _end, "\"\"\"", 0, 3) == 0)
            {
                var token = Make(TokenKind.BlockString, BlockStringValue.Of(builder.ToString()));
                Advance(3);
                return token;
            }

            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            {
                return Fail($"Invalid character within String: \"\\u{(int)c:D4}\".");
            }

            if (c == '\\' && string.CompareOrdinal(_input, _end, "\\\"\"\"", 0, 4) == 0)
            {
                builder.Append("\"\"\"");
                Advance(4);
            }
            else if (c == '\r')
            {
                if (_end + 1 < _input.Length && _input[_end + 1] == '\n')
                {
                    Advance(1);
                }

                builder.Append('\n');
                Advance(1);
                NewLine();
            }
            else
            {
                var from = _end;
                AdvanceRune();
                builder.Append(_input, from, _end - from);
                if (c == '\n')
                {
                    NewLine();
                }
            }
        }

        return Fail("Unterminated string.");
    }
}
