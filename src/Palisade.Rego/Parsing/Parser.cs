using System.Buffers;
using Palisade.Rego.Ast;
using Palisade.Rego.Syntax;

namespace Palisade.Rego.Parsing;

/// <summary>
/// Recursive-descent Rego parser over a pre-lexed token array. Which words are keywords is decided here, per module,
/// because v0 modules turn future keywords on with imports. Syntax errors abort (as in OPA); the v1 rule checks
/// that run after a rule is read are collected so that several can be reported at once.
/// </summary>
internal sealed partial class Parser
{
    private readonly string _source;
    private readonly string? _lexError;
    private readonly ParserOptions _options;
    private readonly List<RegoError> _errors = [];
    private readonly NameTable _names = new();
    private readonly Token[] _pooledTokens;
    private Token[] _tokens;
    private int _pos;
    private int _depth;
    private FutureKeywords _keywords;
    private Dictionary<int, (Term Term, int End)> _termCache = [];
    private List<Token> _commentSpans = [];

    private Parser(string source, Token[] tokens, string? lexError, ParserOptions options)
    {
        _source = source;
        _tokens = tokens;
        _pooledTokens = tokens;
        _lexError = lexError;
        _options = options;
        _keywords = options.DefaultVersion == RegoVersion.V1 ? FutureKeywords.All : FutureKeywords.None;
    }

    private Token Current => _tokens[_pos];

    public static Parser Create(string text, ParserOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > options.MaxLength)
        {
            var error = new RegoError(
                RegoError.ParseErrorCode,
                $"input exceeds the maximum length of {options.MaxLength} characters",
                new Location(options.FileName, 1, 1));
            throw new RegoParseException([error]);
        }

        var comments = new List<Token>();
        var lexer = new Lexer(text) { Comments = comments };
        var tokens = lexer.ReadAllPooled(out _);
        return new Parser(text, tokens, lexer.Error, options) { _commentSpans = comments };
    }

    /// <summary>Hands the pooled token array back; the parser is not used again.</summary>
    private void Release()
    {
        ArrayPool<Token>.Shared.Return(_pooledTokens);
        _tokens = [];
        _termCache.Clear();
    }

    public Body ParseQuery()
    {
        try
        {
            var start = Current;
            if (start.Kind == TokenKind.EndOfFile)
            {
                throw Abort(start, "empty query");
            }

            var body = ParseQueryUntil(TokenKind.EndOfFile, start);
            ThrowCollected();
            return body;
        }
        catch (ParseAbort abort)
        {
            _errors.Add(abort.Error);
            throw new RegoParseException(_errors.ToArray());
        }
        finally
        {
            Release();
        }
    }

    private void ThrowCollected()
    {
        if (_errors.Count > 0)
        {
            throw new RegoParseException(_errors.ToArray());
        }
    }

    private Token Advance()
    {
        var token = _tokens[_pos];
        if (token.Kind == TokenKind.Illegal)
        {
            throw Abort(token, _lexError ?? "illegal token");
        }

        if (token.Kind != TokenKind.EndOfFile)
        {
            _pos++;
        }

        return token;
    }

    private bool Is(TokenKind kind) => _tokens[_pos].Kind == kind;

    private bool Accept(TokenKind kind)
    {
        if (!Is(kind))
        {
            return false;
        }

        Advance();
        return true;
    }

    private Token Expect(TokenKind kind, string? note = null)
    {
        if (!Is(kind))
        {
            throw Unexpected(Current, note);
        }

        return Advance();
    }

    private ReadOnlySpan<char> Text(Token token) => _source.AsSpan(token.Start, token.Length);

    private string TextOf(Token token) => _source.Substring(token.Start, token.Length);

    private bool IsWord(Token token, string word) => token.Kind == TokenKind.Ident && Text(token).SequenceEqual(word);

    /// <summary>True when the token is <paramref name="keyword"/> and that word is a keyword here.</summary>
    private bool IsKeyword(Token token, string keyword) => IsWord(token, keyword) && IsAnyKeyword(token);

    /// <summary>
    /// True when the token is a keyword in this module at this place. A keyword directly followed by <c>.</c> or
    /// <c>[</c> heads a ref instead (<c>input.x</c> style: <c>if.x</c>, <c>true.foo</c>), and <c>contains(…)</c> is the
    /// builtin call, as in OPA.
    /// </summary>
    private bool IsAnyKeyword(Token token)
    {
        if (token.Kind != TokenKind.Ident)
        {
            return false;
        }

        var text = Text(token);
        var future = Keywords.Future(text);
        if (!Keywords.IsBase(text) && (future == FutureKeywords.None || (_keywords & future) == 0))
        {
            return false;
        }

        var index = _pos;
        while (index < _tokens.Length && _tokens[index].Start < token.Start)
        {
            index++;
        }

        if (index + 1 < _tokens.Length && _tokens[index].Start == token.Start && !_tokens[index + 1].SpaceBefore)
        {
            var next = _tokens[index + 1].Kind;
            if (next is TokenKind.Dot or TokenKind.LBracket)
            {
                return false;
            }

            if (next == TokenKind.LParen && future == FutureKeywords.Contains)
            {
                return false;
            }
        }

        return true;
    }

    private Location LocationOf(Token token) => new(_options.FileName, token.Line, token.Column, token.Start, token.Length);

    /// <summary>A location from <paramref name="start"/> to the end of the last consumed token.</summary>
    private Location Span(Token start)
    {
        var end = _pos > 0 ? _tokens[_pos - 1].End : start.End;
        return new Location(_options.FileName, start.Line, start.Column, start.Start, Math.Max(start.Length, end - start.Start));
    }

    private ParseAbort Abort(Token token, string message) => new(new RegoError(RegoError.ParseErrorCode, message, LocationOf(token)));

    private static ParseAbort Abort(Location location, string message) => new(new RegoError(RegoError.ParseErrorCode, message, location));

    private void Report(Location location, string message) => _errors.Add(new RegoError(RegoError.ParseErrorCode, message, location));

    /// <summary>OPA's "unexpected X token" / "unexpected X keyword" message, with an optional note.</summary>
    private ParseAbort Unexpected(Token token, string? note = null)
    {
        if (token.Kind == TokenKind.Illegal)
        {
            return Abort(token, _lexError ?? "illegal token");
        }

        var described = IsAnyKeyword(token) ? $"{TextOf(token)} keyword" : $"{token.Describe()} token";
        return Abort(token, note is null ? $"unexpected {described}" : $"unexpected {described}: {note}");
    }

    private void Enter(Token at)
    {
        if (++_depth > _options.MaxDepth)
        {
            throw Abort(at, "max expression depth exceeded");
        }
    }

    private void Leave() => _depth--;
}
