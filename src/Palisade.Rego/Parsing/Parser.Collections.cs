using Palisade.Rego.Ast;
using Palisade.Rego.Syntax;

namespace Palisade.Rego.Parsing;

/// <summary>
/// Arrays, sets, objects and comprehensions. As in OPA, a comprehension wins when a collection's first item is a
/// single term followed by <c>|</c>: <c>{a | b}</c> is a set comprehension, while <c>{(a | b)}</c> is a set holding a union.
/// </summary>
internal sealed partial class Parser
{
    private Term ParseArray()
    {
        var open = Advance();
        if (Accept(TokenKind.RBracket))
        {
            return new ArrayTerm([], Span(open));
        }

        // A leading comma ([, x]) is tolerated, as OPA does, but rules out a comprehension.
        var mayComprehend = !Accept(TokenKind.Comma);
        var save = _pos;
        var head = ParseTerm();
        if (Is(TokenKind.RBracket))
        {
            Advance();
            return new ArrayTerm([head], Span(open));
        }

        if (Accept(TokenKind.Comma))
        {
            var rest = ParseTermList(TokenKind.RBracket);
            rest.Insert(0, head);
            return new ArrayTerm(rest, Span(open));
        }

        if (mayComprehend && Is(TokenKind.Or) && TryParseComprehensionBody(TokenKind.RBracket, out var body))
        {
            return new ArrayComprehension(head, body, Span(open));
        }

        _pos = save;
        var items = ParseTermList(TokenKind.RBracket);
        return new ArrayTerm(items, Span(open));
    }

    private Term ParseSetOrObject()
    {
        var open = Advance();
        if (Accept(TokenKind.RBrace))
        {
            return new ObjectTerm([], Span(open));
        }

        var mayComprehend = !Accept(TokenKind.Comma);
        var save = _pos;
        var head = ParseTerm();
        if (Is(TokenKind.Or) && mayComprehend && TryParseComprehensionBody(TokenKind.RBrace, out var body))
        {
            return new SetComprehension(head, body, Span(open));
        }

        if (!Is(TokenKind.Colon) && !Is(TokenKind.RBrace) && !Is(TokenKind.Comma))
        {
            _pos = save;
            head = ParseTermIn(keyValue: false);
        }

        if (Is(TokenKind.Colon))
        {
            return ParseObject(open, head, mayComprehend);
        }

        if (Is(TokenKind.RBrace) || Is(TokenKind.Comma))
        {
            var items = new List<Term> { head };
            if (Accept(TokenKind.Comma))
            {
                items.AddRange(ParseTermList(TokenKind.RBrace));
            }
            else
            {
                Advance();
            }

            return new SetTerm(items, Span(open));
        }

        throw Unexpected(Current, "non-terminated set");
    }

    private Term ParseObject(Token open, Term key, bool mayComprehend)
    {
        Advance();
        var save = _pos;
        var value = ParseTerm();
        if (Is(TokenKind.Or) && mayComprehend && TryParseComprehensionBody(TokenKind.RBrace, out var body))
        {
            return new ObjectComprehension(key, value, body, Span(open));
        }

        if (!Is(TokenKind.RBrace) && !Is(TokenKind.Comma))
        {
            _pos = save;
            value = ParseTermIn(keyValue: false);
        }

        var items = new List<ObjectItem> { new(key, value) };
        while (Accept(TokenKind.Comma))
        {
            if (Is(TokenKind.RBrace))
            {
                break;
            }

            var k = ParseTermIn(keyValue: false);
            if (!Is(TokenKind.Colon))
            {
                throw Unexpected(Current, "expected :");
            }

            Advance();
            items.Add(new ObjectItem(k, ParseTermIn(keyValue: false)));
        }

        if (!Is(TokenKind.RBrace))
        {
            throw Unexpected(Current, "non-terminated object");
        }

        Advance();
        return new ObjectTerm(items, Span(open));
    }

    /// <summary>After a head and <c>|</c>: the body and closing bracket, or false (position restored) if that fails.</summary>
    private bool TryParseComprehensionBody(TokenKind close, out Body body)
    {
        var save = _pos;
        var savedDepth = _depth;
        var bar = Advance();
        try
        {
            if (Is(close))
            {
                throw Abort(Current, "found empty body");
            }

            body = ParseQueryUntil(close, Current);
            Advance();
            return true;
        }
        catch (ParseAbort) when (!IsDepthError())
        {
            _pos = save;
            _depth = savedDepth;
            body = new Body([], LocationOf(bar));
            return false;
        }
    }

    private bool IsDepthError() => _depth > _options.MaxDepth;

    /// <summary>Comma-separated terms up to and including <paramref name="close"/>; a trailing comma is allowed.</summary>
    private List<Term> ParseTermList(TokenKind close)
    {
        var items = new List<Term>();
        if (Accept(close))
        {
            return items;
        }

        while (true)
        {
            items.Add(ParseTermIn(keyValue: false));
            if (Accept(TokenKind.Comma))
            {
                if (Accept(close))
                {
                    return items;
                }

                continue;
            }

            if (Accept(close))
            {
                return items;
            }

            var closing = close == TokenKind.RParen ? ")" : close == TokenKind.RBracket ? "]" : "}";
            throw Unexpected(Current, $"expected \",\" or \"{closing}\"");
        }
    }
}
