using System.Globalization;
using System.Text;

namespace Palisade.Kube.Calico.Selectors;

/// <summary>
/// Splits selector text into tokens on demand, so that the parser reports the leftmost problem first. Words are
/// read as keyword operators (contains, in, not in, starts with, ends with) only right after a label, as Calico
/// does, so that labels may be named "in" or "contains".
/// </summary>
internal sealed class SelectorTokenizer(string text)
{
    private int _position;
    private TokenKind _previous = TokenKind.End;

    public SelectorToken Next()
    {
        var token = Read();
        _previous = token.Kind;
        return token;
    }

    private SelectorToken Read()
    {
        SkipWhitespace();
        var start = _position;
        var column = start + 1;
        if (start == text.Length)
        {
            return new SelectorToken(TokenKind.End, "", column);
        }

        var c = text[start];
        _position++;
        switch (c)
        {
            case '(':
                return new SelectorToken(TokenKind.LeftParen, "(", column);
            case ')':
                return new SelectorToken(TokenKind.RightParen, ")", column);
            case '{':
                return new SelectorToken(TokenKind.LeftBrace, "{", column);
            case '}':
                return new SelectorToken(TokenKind.RightBrace, "}", column);
            case ',':
                return new SelectorToken(TokenKind.Comma, ",", column);
            case '\'' or '"':
                return ReadString(c, column);
            case '!':
                return TryConsume('=')
                    ? new SelectorToken(TokenKind.NotEqualTo, "!=", column)
                    : new SelectorToken(TokenKind.Not, "!", column);
            case '=':
                return TryConsume('=')
                    ? new SelectorToken(TokenKind.EqualTo, "==", column)
                    : throw new SelectorSyntaxException(column, "'=' is not an operator; did you mean '=='?");
            case '&':
                return TryConsume('&')
                    ? new SelectorToken(TokenKind.And, "&&", column)
                    : throw new SelectorSyntaxException(column, "'&' is not an operator; did you mean '&&'?");
            case '|':
                return TryConsume('|')
                    ? new SelectorToken(TokenKind.Or, "||", column)
                    : throw new SelectorSyntaxException(column, "'|' is not an operator; did you mean '||'?");
        }

        if (SelectorText.IsLabelChar(c))
        {
            _position = start;
            return ReadWord(column);
        }

        throw new SelectorSyntaxException(column, DescribeUnexpected(start));
    }

    private SelectorToken ReadString(char quote, int column)
    {
        var end = text.IndexOf(quote, _position);
        if (end < 0)
        {
            throw new SelectorSyntaxException(text.Length + 1, $"unterminated string starting at column {column}");
        }

        var value = text[_position..end];
        _position = end + 1;
        return new SelectorToken(TokenKind.String, value, column);
    }

    private SelectorToken ReadWord(int column)
    {
        var word = ReadLabelChars();
        if (_previous == TokenKind.Label)
        {
            switch (word)
            {
                case "contains":
                    return new SelectorToken(TokenKind.Contains, word, column);
                case "in":
                    return new SelectorToken(TokenKind.In, word, column);
                // Calico allows any run of spaces and tabs between the two words, none included.
                case "notin":
                    return new SelectorToken(TokenKind.NotIn, "not in", column);
                case "startswith":
                    return new SelectorToken(TokenKind.StartsWith, "starts with", column);
                case "endswith":
                    return new SelectorToken(TokenKind.EndsWith, "ends with", column);
                case "not":
                    return ReadSecondWord(word, "in", TokenKind.NotIn, column);
                case "starts":
                    return ReadSecondWord(word, "with", TokenKind.StartsWith, column);
                case "ends":
                    return ReadSecondWord(word, "with", TokenKind.EndsWith, column);
            }
        }
        else if (word is "has" or "all" or "global" && TryConsume('('))
        {
            // Only "has(" with no space is the function; "has (x)" is the label "has" followed by a parenthesis.
            var kind = word switch { "has" => TokenKind.HasOpen, "all" => TokenKind.AllOpen, _ => TokenKind.GlobalOpen };
            return new SelectorToken(kind, word + "(", column);
        }

        return new SelectorToken(TokenKind.Label, word, column);
    }

    private SelectorToken ReadSecondWord(string first, string second, TokenKind kind, int column)
    {
        SkipWhitespace();
        var secondColumn = _position + 1;
        var word = _position < text.Length && SelectorText.IsLabelChar(text[_position]) ? ReadLabelChars() : "";
        return word == second
            ? new SelectorToken(kind, $"{first} {second}", column)
            : throw new SelectorSyntaxException(secondColumn, $"expected '{second}' after '{first}'");
    }

    private string ReadLabelChars()
    {
        var start = _position;
        while (_position < text.Length && SelectorText.IsLabelChar(text[_position]))
        {
            _position++;
        }

        if (_position - start > SelectorText.MaxLabelLength)
        {
            throw new SelectorSyntaxException(start + 1, $"label name longer than {SelectorText.MaxLabelLength} characters");
        }

        return text[start.._position];
    }

    private void SkipWhitespace()
    {
        while (_position < text.Length && SelectorText.IsWhitespace(text[_position]))
        {
            _position++;
        }
    }

    private bool TryConsume(char expected)
    {
        if (_position < text.Length && text[_position] == expected)
        {
            _position++;
            return true;
        }

        return false;
    }

    private string DescribeUnexpected(int index)
    {
        var c = text[index];
        if (c is '\n' or '\r')
        {
            return "unexpected line break; only spaces and tabs may separate the parts of a selector";
        }

        if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out _) != System.Buffers.OperationStatus.Done)
        {
            return $"unexpected character U+{(int)c:X4} (an unpaired surrogate)";
        }

        if (Rune.IsWhiteSpace(rune))
        {
            return $"unexpected character U+{rune.Value:X4}; only spaces and tabs may separate the parts of a selector";
        }

        // Invisible characters are named by code point, or the message would show nothing between the quotes.
        if (Rune.IsControl(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format)
        {
            return $"unexpected character U+{rune.Value:X4}";
        }

        return $"unexpected character '{rune}'";
    }
}
