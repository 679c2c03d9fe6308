using Palisade.Rego.Ast;
using Palisade.Rego.Syntax;
using Palisade.Rego.Values;

namespace Palisade.Rego.Parsing;

internal sealed partial class Parser
{
    private bool CanStartTerm(Token token) => token.Kind switch
    {
        TokenKind.Number or TokenKind.String or TokenKind.RawString or TokenKind.TemplateString or TokenKind.RawTemplateString
            or TokenKind.LBracket or TokenKind.LBrace or TokenKind.LParen or TokenKind.Minus => true,
        TokenKind.Ident => !IsAnyKeyword(token) || IsWord(token, Keywords.Null) || IsWord(token, Keywords.True) || IsWord(token, Keywords.False),
        _ => false,
    };

    /// <summary>A single term with any ref or call suffix; a leading minus negates a number or becomes <c>0 - term</c>, as in OPA.</summary>
    private Term ParseTerm()
    {
        var start = Current;

        // Collections may be read twice (first as a comprehension head, then as an operand); remembering them keeps
        // nested cases like [[[1] + x] + x] linear instead of exponential.
        var cacheable = start.Kind is TokenKind.LBracket or TokenKind.LBrace;
        if (cacheable && _termCache.TryGetValue(_pos, out var cached))
        {
            _pos = cached.End;
            return cached.Term;
        }

        var startIndex = _pos;
        var result = ParseTermUncached(start);
        if (cacheable)
        {
            _termCache[startIndex] = (result, _pos);
        }

        return result;
    }

    private Term ParseTermUncached(Token start)
    {
        Enter(start);
        Term term;
        if (start.Kind == TokenKind.Minus)
        {
            Advance();
            if (Is(TokenKind.Number))
            {
                term = ParseNumber(Advance(), start);
            }
            else
            {
                var operand = ParseTerm();
                var zero = new ScalarTerm(NumberValue.Zero, LocationOf(start));
                term = new CallTerm(OperatorRefs.Get(Operators.Minus, LocationOf(start)), [zero, operand], Span(start));
                Leave();
                return term;
            }
        }
        else
        {
            term = ParsePrimary(start);
        }

        term = ParseRefSuffix(term, start);
        Leave();
        return term;
    }

    private Term ParsePrimary(Token start)
    {
        switch (start.Kind)
        {
            case TokenKind.Number:
                return ParseNumber(Advance(), start);
            case TokenKind.String:
                {
                    Advance();
                    var text = StringLiterals.Decode(_source, start.Start + 1, start.End - 1, template: false)
                        ?? throw Abort(start, $"illegal string literal: {TextOf(start)}");
                    return new ScalarTerm(StringValue.Of(text), LocationOf(start));
                }

            case TokenKind.RawString:
                Advance();
                return new ScalarTerm(StringValue.Of(_source.Substring(start.Start + 1, start.Length - 2)), LocationOf(start));
            case TokenKind.TemplateString:
            case TokenKind.RawTemplateString:
                Advance();
                return ParseTemplate(start);
            case TokenKind.LBracket:
                return ParseArray();
            case TokenKind.LBrace:
                return ParseSetOrObject();
            case TokenKind.LParen:
                {
                    Advance();
                    var inner = ParseTermIn(keyValue: true);
                    if (!Is(TokenKind.RParen))
                    {
                        throw Abort(Current, "non-terminated expression");
                    }

                    Advance();
                    return inner;
                }

            case TokenKind.Ident:
                return ParseName(start);
            default:
                throw Unexpected(start);
        }
    }

    private Term ParseName(Token token)
    {
        var next = _tokens[Math.Min(_pos + 1, _tokens.Length - 1)];
        if (!next.SpaceBefore && next.Kind is TokenKind.Dot or TokenKind.LBracket)
        {
            // Any word heads a ref, even a keyword or literal: `true.foo`, `if.x` (OPA allows them as rule names).
            Advance();
            return new VarTerm(_names.Name(Text(token)), LocationOf(token));
        }

        if (IsWord(token, Keywords.Null))
        {
            Advance();
            return new ScalarTerm(NullValue.Instance, LocationOf(token));
        }

        if (IsWord(token, Keywords.True) || IsWord(token, Keywords.False))
        {
            Advance();
            return new ScalarTerm(BooleanValue.Of(Text(token)[0] == 't'), LocationOf(token));
        }

        if (IsAnyKeyword(token))
        {
            throw Unexpected(token);
        }

        Advance();
        return new VarTerm(_names.Name(Text(token)), LocationOf(token));
    }

    private ScalarTerm ParseNumber(Token number, Token start)
    {
        var negative = start.Kind == TokenKind.Minus;
        var digits = Text(number);
        if (digits.Length > 1 && digits[0] == '0' && digits[1] is not ('.' or 'e' or 'E'))
        {
            throw Unexpected(number, "expected number without leading zero");
        }

        var text = negative ? string.Concat("-", digits) : digits.ToString();
        if (!NumberValue.TryParse(text, out var value))
        {
            throw Abort(number, "number too big");
        }

        return new ScalarTerm(value, Span(start));
    }

    /// <summary>
    /// <c>.name</c>, <c>[term]</c> and <c>(args)</c> suffixes. They must touch what they follow: <c>x [0]</c> is two
    /// terms, which is how a body line starting with <c>[</c> stays a new expression.
    /// </summary>
    private Term ParseRuleNameTerm(Token start)
    {
        Advance();
        var head = new VarTerm(_names.Name(Text(start)), LocationOf(start));
        return ParseRefSuffix(head, start, spaceBeforeFirst: true);
    }

    private Term ParseRefSuffix(Term head, Token start, bool spaceBeforeFirst = false)
    {
        List<Term>? path = null;
        var depth = _depth;
        var first = spaceBeforeFirst;
        while (!Current.SpaceBefore || first)
        {
            first = false;
            var token = Current;
            if (token.Kind == TokenKind.Dot)
            {
                Advance();
                var name = Current;
                if (name.Kind != TokenKind.Ident || name.SpaceBefore)
                {
                    throw Unexpected(name, "expected ident");
                }

                Advance();
                CheckRefHead(head, start);
                AddPathTerm(path ??= [], new ScalarTerm(_names.Value(Text(name)), LocationOf(name)), name);
            }
            else if (token.Kind == TokenKind.LBracket)
            {
                Advance();
                var key = ParseTermIn(keyValue: false);
                if (!Is(TokenKind.RBracket))
                {
                    throw Unexpected(Current, "expected ]");
                }

                Advance();
                CheckRefHead(head, start);
                AddPathTerm(path ??= [], key, token);
            }
            else if (token.Kind == TokenKind.LParen)
            {
                // f(x).a(y).b(z)… nests one call in the next.
                Enter(token);
                var callee = path is null ? head : new RefTerm(head, path, Span(start));
                head = ParseCall(callee, start);
                path = null;
            }
            else
            {
                break;
            }
        }

        _depth = depth;
        if (path is not null)
        {
            return new RefTerm(head, path, Span(start));
        }

        // data and input always denote documents, so alone they are refs too.
        return head is VarTerm { Name: "data" or "input" } root ? new RefTerm(root, [], root.Location) : head;
    }

    /// <summary>
    /// Adds one step to a ref's (or a package's) path. Rules are filed in a tree by their paths, and the compiler and
    /// evaluator walk that tree and long refs recursively, so a path's length is bounded like an expression's depth.
    /// </summary>
    private void AddPathTerm(List<Term> path, Term term, Token at)
    {
        if (path.Count >= _options.MaxDepth)
        {
            throw Abort(at, $"ref longer than {_options.MaxDepth} terms");
        }

        path.Add(term);
    }

    private void CheckRefHead(Term head, Token start)
    {
        if (head is ScalarTerm or TemplateStringTerm)
        {
            throw Abort(start, $"illegal ref (head cannot be {TypeName(head)})");
        }
    }

    private Term ParseCall(Term callee, Token start)
    {
        var open = Advance();
        var reference = callee switch
        {
            VarTerm v => new RefTerm(v, [], v.Location),
            RefTerm { Head: VarTerm } r => r,
            _ => throw Abort(open, $"illegal call (operator cannot be {TypeName(callee)})"),
        };
        var arguments = ParseTermList(TokenKind.RParen);
        if (arguments.Count == 0 && reference.Path.Count == 0 && reference.HeadName == "set")
        {
            return new SetTerm([], Span(start));
        }

        return new CallTerm(reference, arguments, Span(start));
    }
}
