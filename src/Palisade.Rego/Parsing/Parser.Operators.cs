using Palisade.Rego.Ast;
using Palisade.Rego.Syntax;

namespace Palisade.Rego.Parsing;

/// <summary>
/// Infix operators, loosest first: <c>in</c> &lt; comparison &lt; <c>|</c> &lt; <c>&amp;</c> &lt; <c>+ -</c> &lt; <c>* / %</c>, as in OPA's grammar.
/// A chain such as <c>1 + 1 + … + 1</c> is parsed in a loop but nests one call deeper per operator, so every operator
/// counts toward the expression depth limit: the compiler and evaluator walk that tree recursively.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>
    /// <c>x in xs</c>; where <paramref name="keyValue"/> allows it (expressions, <c>some</c>, <c>every</c>), also
    /// <c>k, v in xs</c>. In lists the comma separates items instead.
    /// </summary>
    private Term ParseTermIn(bool keyValue)
    {
        var start = Current;
        var depth = _depth;
        var lhs = ParseRelation();
        if ((_keywords & FutureKeywords.In) == 0)
        {
            return lhs;
        }

        while (true)
        {
            if (keyValue && Is(TokenKind.Comma) && TryParseKeyValueIn(lhs, start, out var keyed))
            {
                Enter(start);
                lhs = keyed;
                continue;
            }

            if (IsKeyword(Current, Keywords.In))
            {
                var op = Advance();
                Enter(op);
                var rhs = ParseRelation();
                lhs = MakeCall(Operators.Member, op, [lhs, rhs], start);
                continue;
            }

            _depth = depth;
            return lhs;
        }
    }

    private bool TryParseKeyValueIn(Term key, Token start, out Term result)
    {
        var save = _pos;
        var savedDepth = _depth;
        result = key;
        try
        {
            Advance();
            var value = ParseRelation();
            if (IsKeyword(Current, Keywords.In))
            {
                var op = Advance();
                var collection = ParseRelation();
                result = MakeCall(Operators.MemberWithKey, op, [key, value, collection], start);
                return true;
            }
        }
        catch (ParseAbort) when (!IsDepthError())
        {
            // Not `k, v in xs`: the comma belongs to whatever encloses this term.
        }

        _pos = save;
        _depth = savedDepth;
        return false;
    }

    private Term ParseRelation()
    {
        var start = Current;
        var depth = _depth;
        var lhs = ParseOr();
        while (true)
        {
            var name = Current.Kind switch
            {
                TokenKind.Equal => Operators.Equal,
                TokenKind.NotEqual => Operators.NotEqual,
                TokenKind.Less => Operators.Less,
                TokenKind.LessOrEqual => Operators.LessOrEqual,
                TokenKind.Greater => Operators.Greater,
                TokenKind.GreaterOrEqual => Operators.GreaterOrEqual,
                _ => null,
            };
            if (name is null)
            {
                _depth = depth;
                return lhs;
            }

            var op = Advance();
            Enter(op);
            lhs = MakeCall(name, op, [lhs, ParseOr()], start);
        }
    }

    private Term ParseOr()
    {
        var start = Current;
        var depth = _depth;
        var lhs = ParseAnd();
        while (Is(TokenKind.Or))
        {
            var op = Advance();
            Enter(op);
            lhs = MakeCall(Operators.Or, op, [lhs, ParseAnd()], start);
        }

        _depth = depth;
        return lhs;
    }

    private Term ParseAnd()
    {
        var start = Current;
        var depth = _depth;
        var lhs = ParseArithmetic();
        while (Is(TokenKind.And))
        {
            var op = Advance();
            Enter(op);
            lhs = MakeCall(Operators.And, op, [lhs, ParseArithmetic()], start);
        }

        _depth = depth;
        return lhs;
    }

    private Term ParseArithmetic()
    {
        var start = Current;
        var depth = _depth;
        var lhs = ParseFactor();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance();
            Enter(op);
            var name = op.Kind == TokenKind.Plus ? Operators.Plus : Operators.Minus;
            lhs = MakeCall(name, op, [lhs, ParseFactor()], start);
        }

        _depth = depth;
        return lhs;
    }

    private Term ParseFactor()
    {
        var start = Current;
        var depth = _depth;
        var lhs = ParseTerm();
        while (true)
        {
            var name = Current.Kind switch
            {
                TokenKind.Multiply => Operators.Multiply,
                TokenKind.Divide => Operators.Divide,
                TokenKind.Remainder => Operators.Remainder,
                _ => null,
            };
            if (name is null)
            {
                _depth = depth;
                return lhs;
            }

            var op = Advance();
            Enter(op);
            lhs = MakeCall(name, op, [lhs, ParseTerm()], start);
        }
    }

    /// <summary>An operator call, named as OPA's builtin (<c>plus</c>, <c>internal.member_2</c>).</summary>
    private CallTerm MakeCall(string name, Token op, Term[] arguments, Token start)
    {
        var location = LocationOf(op);
        var reference = OperatorRefs.Get(name, location);
        return new CallTerm(reference, arguments, Span(start));
    }
}
