using Palisade.Rego.Ast;
using Palisade.Rego.Syntax;

namespace Palisade.Rego.Parsing;

internal sealed partial class Parser
{
    private Body ParseBraceBody()
    {
        var open = Expect(TokenKind.LBrace);
        if (Is(TokenKind.RBrace))
        {
            throw Abort(open, "found empty body");
        }

        var body = ParseQueryUntil(TokenKind.RBrace, open);
        Expect(TokenKind.RBrace);
        return body with { Location = Span(open) };
    }

    /// <summary>
    /// Expressions up to (not including) <paramref name="end"/>. As in OPA, semicolons and newlines both separate
    /// expressions and neither is required: an expression simply ends where its grammar does.
    /// </summary>
    private Body ParseQueryUntil(TokenKind end, Token start)
    {
        Enter(start);
        var expressions = new List<Expr>();
        while (true)
        {
            expressions.Add(ParseLiteral());
            while (Accept(TokenKind.Semicolon))
            {
            }

            if (Is(end))
            {
                break;
            }

            if (Is(TokenKind.EndOfFile))
            {
                throw Unexpected(Current);
            }
        }

        Leave();
        return new Body(expressions, Span(start));
    }

    private Expr ParseLiteral()
    {
        var start = Current;
        Enter(start);
        Node content;
        var negated = false;
        if (IsKeyword(start, Keywords.Some))
        {
            content = ParseSome();
        }
        else if (IsKeyword(start, Keywords.Every))
        {
            content = ParseEvery();
        }
        else
        {
            if (IsKeyword(start, Keywords.Not))
            {
                Advance();
                negated = true;
            }

            content = ParseExprContent();
        }

        var with = ParseWithModifiers();
        Leave();
        return new Expr(content, negated, with, Span(start));
    }

    /// <summary>A term, possibly combined by <c>=</c> or <c>:=</c>, which bind loosest of all.</summary>
    private Term ParseExprContent()
    {
        var start = Current;
        var lhs = ParseTermIn(keyValue: true);
        if (Is(TokenKind.Assign) || Is(TokenKind.Unify))
        {
            var op = Advance();
            var rhs = ParseTermIn(keyValue: true);
            var name = op.Kind == TokenKind.Assign ? Operators.Assign : Operators.Unify;
            return MakeCall(name, op, [lhs, rhs], start);
        }

        return lhs;
    }

    private IReadOnlyList<WithModifier> ParseWithModifiers()
    {
        if (!IsKeyword(Current, Keywords.With))
        {
            return [];
        }

        var list = new List<WithModifier>();
        while (IsKeyword(Current, Keywords.With))
        {
            var start = Advance();
            var target = ParseTerm();
            if (!IsKeyword(Current, Keywords.As))
            {
                throw Unexpected(Current, "expected as keyword");
            }

            Advance();
            var value = ParseTermIn(keyValue: false);
            list.Add(new WithModifier(target, value, Span(start)));
        }

        return list;
    }

    /// <summary><c>some x, y</c>, or with the <c>in</c> keyword <c>some x in xs</c> / <c>some k, v in xs</c>.</summary>
    private SomeDecl ParseSome()
    {
        var start = Advance();
        if ((_keywords & FutureKeywords.In) != 0)
        {
            var save = _pos;
            var savedDepth = _depth;
            try
            {
                var term = ParseTermIn(keyValue: true);
                if (term is CallTerm call && call.Name is Operators.Member or Operators.MemberWithKey)
                {
                    return new SomeDecl([term], Span(start));
                }
            }
            catch (ParseAbort) when (!IsDepthError())
            {
                // Not a membership: read it again as a list of variables, which reports its own errors.
            }

            _pos = save;
            _depth = savedDepth;
        }

        var symbols = new List<Term>();
        while (true)
        {
            var name = Current;
            if (name.Kind != TokenKind.Ident || IsAnyKeyword(name))
            {
                throw Unexpected(name, "expected var");
            }

            Advance();
            symbols.Add(new VarTerm(_names.Name(Text(name)), LocationOf(name)));
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        return new SomeDecl(symbols, Span(start));
    }

    private Every ParseEvery()
    {
        var start = Advance();
        var domain = ParseTermIn(keyValue: true);
        if (domain is not CallTerm call || call.Name is not (Operators.Member or Operators.MemberWithKey))
        {
            throw Abort(start, "expected `x[, y] in xs { … }` after every");
        }

        if (!Is(TokenKind.LBrace))
        {
            throw Unexpected(Current, "expected { after every domain");
        }

        var body = ParseBraceBody();
        var args = call.Arguments;
        return args.Count == 3
            ? new Every(args[0], args[1], args[2], body, Span(start))
            : new Every(null, args[0], args[1], body, Span(start));
    }
}
