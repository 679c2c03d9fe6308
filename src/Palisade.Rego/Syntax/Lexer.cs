using System.Buffers;

namespace Palisade.Rego.Syntax;

/// <summary>
/// Splits Rego source into tokens in one pass, without regular expressions or per-character allocations. Keywords come
/// out as identifiers because which words are keywords depends on the module's imports, which the parser knows.
/// The lexer stops at the first malformed token, yielding an <see cref="TokenKind.Illegal"/> token and an <see cref="Error"/>.
/// </summary>
public sealed class Lexer
{
    private const int MaxTemplateNesting = 256;

    private readonly string _source;
    private readonly int _end;
    private int _pos;
    private int _line;
    private int _lineStart;
    private int _templateDepth;

    public Lexer(string source)
        : this(source, 0, source.Length, 1, 1)
    {
    }

    /// <summary>Lexes <paramref name="source"/>[start..end), which begins at the given line and column.</summary>
    public Lexer(string source, int start, int end, int line, int column)
    {
        _source = source;
        _pos = start;
        _end = end;
        _line = line;
        _lineStart = start - (column - 1);
    }

    /// <summary>When set, receives the span of every comment (its kind is meaningless).</summary>
    public List<Token>? Comments { get; init; }

    /// <summary>The message for the <see cref="TokenKind.Illegal"/> token, if one was produced.</summary>
    public string? Error { get; private set; }

    public static Token[] Tokenize(string source, out string? error)
    {
        var lexer = new Lexer(source);
        var tokens = lexer.ReadAll();
        error = lexer.Error;
        return tokens;
    }

    public Token[] ReadAll()
    {
        var pooled = ReadAllPooled(out var count);
        var tokens = pooled.AsSpan(0, count).ToArray();
        ArrayPool<Token>.Shared.Return(pooled);
        return tokens;
    }

    /// <summary>
    /// All tokens, ending with <see cref="TokenKind.EndOfFile"/> or <see cref="TokenKind.Illegal"/>, in an array rented
    /// from <see cref="ArrayPool{T}.Shared"/> that the caller returns: token arrays live only as long as one parse.
    /// </summary>
    public Token[] ReadAllPooled(out int count)
    {
        var tokens = ArrayPool<Token>.Shared.Rent(Math.Max(64, (_end - _pos) / 5));
        count = 0;
        while (true)
        {
            var token = Next();
            if (count == tokens.Length)
            {
                var larger = ArrayPool<Token>.Shared.Rent(tokens.Length * 2);
                tokens.AsSpan().CopyTo(larger);
                ArrayPool<Token>.Shared.Return(tokens);
                tokens = larger;
            }

            tokens[count++] = token;
            if (token.Kind is TokenKind.EndOfFile or TokenKind.Illegal)
            {
                return tokens;
            }
        }
    }

    public Token Next()
    {
        var (space, newline) = SkipTrivia();
        var start = _pos;
        var line = _line;
        var column = _pos - _lineStart + 1;
        if (_pos >= _end)
        {
            return new Token(TokenKind.EndOfFile, start, start, line, column, space, newline);
        }

        var kind = Scan();
        return new Token(kind, start, _pos, line, column, space, newline);
    }

    private (bool Space, bool Newline) SkipTrivia()
    {
        var space = false;
        var newline = false;
        while (_pos < _end)
        {
            var c = _source[_pos];
            if (c == '\n')
            {
                newline = true;
                space = true;
                _pos++;
                _line++;
                _lineStart = _pos;
            }
            else if (c is ' ' or '\t' or '\r')
            {
                space = true;
                _pos++;
            }
            else if (c == '#')
            {
                space = true;
                var start = _pos;
                while (_pos < _end && _source[_pos] != '\n')
                {
                    _pos++;
                }

                Comments?.Add(new Token(TokenKind.Illegal, start, _pos, _line, start - _lineStart + 1, space, newline));
            }
            else
            {
                break;
            }
        }

        return (space, newline);
    }

    private TokenKind Scan()
    {
        var c = _source[_pos];
        if (Identifiers.IsStart(c))
        {
            _pos++;
            while (_pos < _end && Identifiers.IsPart(_source[_pos]))
            {
                _pos++;
            }

            return TokenKind.Ident;
        }

        if ((uint)(c - '0') <= 9)
        {
            return ScanNumber();
        }

        _pos++;
        switch (c)
        {
            case '"':
                return ScanString();
            case '`':
                return ScanRawString();
            case '$' when Peek(0) == '"':
                _pos++;
                return ScanTemplate(multiLine: false);
            case '$' when Peek(0) == '`':
                _pos++;
                return ScanTemplate(multiLine: true);
            case '.':
                return TokenKind.Dot;
            case ',':
                return TokenKind.Comma;
            case ';':
                return TokenKind.Semicolon;
            case ':':
                return Accept('=') ? TokenKind.Assign : TokenKind.Colon;
            case '(':
                return TokenKind.LParen;
            case ')':
                return TokenKind.RParen;
            case '[':
                return TokenKind.LBracket;
            case ']':
                return TokenKind.RBracket;
            case '{':
                return TokenKind.LBrace;
            case '}':
                return TokenKind.RBrace;
            case '=':
                return Accept('=') ? TokenKind.Equal : TokenKind.Unify;
            case '!':
                if (Accept('='))
                {
                    return TokenKind.NotEqual;
                }

                break;
            case '<':
                return Accept('=') ? TokenKind.LessOrEqual : TokenKind.Less;
            case '>':
                return Accept('=') ? TokenKind.GreaterOrEqual : TokenKind.Greater;
            case '+':
                return TokenKind.Plus;
            case '-':
                return TokenKind.Minus;
            case '*':
                return TokenKind.Multiply;
            case '/':
                return TokenKind.Divide;
            case '%':
                return TokenKind.Remainder;
            case '&':
                return TokenKind.And;
            case '|':
                return TokenKind.Or;
        }

        return Fail("illegal token");
    }

    private char Peek(int ahead) => _pos + ahead < _end ? _source[_pos + ahead] : '\0';

    private bool Accept(char c)
    {
        if (_pos < _end && _source[_pos] == c)
        {
            _pos++;
            return true;
        }

        return false;
    }

    private TokenKind Fail(string message)
    {
        Error ??= message;
        return TokenKind.Illegal;
    }

    private TokenKind ScanNumber()
    {
        SkipDigits();
        if (Peek(0) == '.' && (uint)(Peek(1) - '0') <= 9)
        {
            _pos++;
            SkipDigits();
        }

        if (Peek(0) is 'e' or 'E')
        {
            var save = _pos;
            _pos++;
            if (Peek(0) is '+' or '-')
            {
                _pos++;
            }

            if ((uint)(Peek(0) - '0') <= 9)
            {
                SkipDigits();
            }
            else
            {
                _pos = save;
            }
        }

        return TokenKind.Number;
    }

    private void SkipDigits()
    {
        while (_pos < _end && (uint)(_source[_pos] - '0') <= 9)
        {
            _pos++;
        }
    }

    private TokenKind ScanString()
    {
        while (_pos < _end)
        {
            var c = _source[_pos++];
            if (c == '"')
            {
                return TokenKind.String;
            }

            if (c == '\\')
            {
                if (_pos >= _end || _source[_pos] == '\n')
                {
                    break;
                }

                _pos++;
            }
            else if (c == '\n')
            {
                break;
            }
        }

        return Fail("non-terminated string");
    }

    private TokenKind ScanRawString()
    {
        while (_pos < _end)
        {
            var c = _source[_pos++];
            if (c == '`')
            {
                return TokenKind.RawString;
            }

            if (c == '\n')
            {
                _line++;
                _lineStart = _pos;
            }
        }

        return Fail("non-terminated raw string");
    }

    /// <summary>
    /// Finds the end of a template string. Embedded expressions are skipped by lexing them (so strings and braces
    /// inside them are understood); the parser lexes them again when it parses them.
    /// </summary>
    private TokenKind ScanTemplate(bool multiLine)
    {
        var close = multiLine ? '`' : '"';
        while (_pos < _end)
        {
            var c = _source[_pos++];
            if (c == close)
            {
                return multiLine ? TokenKind.RawTemplateString : TokenKind.TemplateString;
            }

            switch (c)
            {
                case '\\' when !multiLine || Peek(0) == '{':
                    if (_pos >= _end || _source[_pos] == '\n')
                    {
                        return Fail("non-terminated template string");
                    }

                    _pos++;
                    break;
                case '\n' when !multiLine:
                    return Fail("non-terminated template string");
                case '\n':
                    _line++;
                    _lineStart = _pos;
                    break;
                case '{':
                    if (!SkipTemplateExpression())
                    {
                        return TokenKind.Illegal;
                    }

                    break;
            }
        }

        return Fail("non-terminated template string");
    }

    private bool SkipTemplateExpression()
    {
        if (++_templateDepth > MaxTemplateNesting)
        {
            Fail("template strings nested too deeply");
            return false;
        }

        var depth = 1;
        while (true)
        {
            var token = Next();
            switch (token.Kind)
            {
                case TokenKind.Illegal:
                    return false;
                case TokenKind.EndOfFile:
                    Fail("non-terminated template string");
                    return false;
                case TokenKind.LBrace:
                    depth++;
                    break;
                case TokenKind.RBrace when --depth == 0:
                    _templateDepth--;
                    return true;
            }
        }
    }
}
