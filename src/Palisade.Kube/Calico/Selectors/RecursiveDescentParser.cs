namespace Palisade.Kube.Calico.Selectors;

/// <summary>
/// The selector grammar, one method per rule:
/// <code>
/// selector = "" | or ;  or = and { "||" and } ;  and = operand { "&amp;&amp;" operand }
/// operand  = { "!" } ( "has(" label ")" | "all(" ")" | "global(" ")" | "(" or ")" | comparison )
/// </code>
/// Only parentheses recurse, and every '(' and '!' counts toward the depth limit, so hostile input is refused
/// long before the stack is at risk.
/// </summary>
internal sealed class RecursiveDescentParser
{
    private const string OperandExpected = "expected a label, '!', '(', has(), all() or global()";

    private readonly SelectorTokenizer _tokens;
    private readonly int _maxDepth;
    private SelectorToken _current;

    public RecursiveDescentParser(string text, int maxDepth)
    {
        _tokens = new SelectorTokenizer(text);
        _maxDepth = maxDepth;
        _current = _tokens.Next();
    }

    public Selector ParseSelector()
    {
        if (_current.Kind == TokenKind.End)
        {
            return AllSelector.Instance;
        }

        var selector = ParseOr(depth: 0);
        return _current.Kind switch
        {
            TokenKind.End => selector,
            TokenKind.RightParen => throw Error("unexpected ')'"),
            _ => throw Error($"unexpected {_current.Describe()}, expected '&&', '||' or the end of the selector"),
        };
    }

    private Selector ParseOr(int depth)
    {
        var operands = new List<Selector> { ParseAnd(depth) };
        while (_current.Kind == TokenKind.Or)
        {
            Advance();
            operands.Add(ParseAnd(depth));
        }

        return Selector.Or(operands);
    }

    private Selector ParseAnd(int depth)
    {
        var operands = new List<Selector> { ParseOperand(depth) };
        while (_current.Kind == TokenKind.And)
        {
            Advance();
            operands.Add(ParseOperand(depth));
        }

        return Selector.And(operands);
    }

    private Selector ParseOperand(int depth)
    {
        var negated = false;
        while (_current.Kind == TokenKind.Not)
        {
            depth = Deeper(depth);
            negated = !negated;
            Advance();
        }

        var operand = _current.Kind switch
        {
            TokenKind.HasOpen => ParseHas(),
            TokenKind.AllOpen => ParseEmptyCall(AllSelector.Instance),
            TokenKind.GlobalOpen => ParseEmptyCall(GlobalSelector.Instance),
            TokenKind.LeftParen => ParseParenthesized(Deeper(depth)),
            TokenKind.Label => new ComparisonParser(this).Parse(),
            TokenKind.End => throw Error($"unexpected end of selector, {OperandExpected}"),
            _ => throw Error($"unexpected {_current.Describe()}, {OperandExpected}"),
        };

        return negated ? Selector.Not(operand) : operand;
    }

    private Selector ParseHas()
    {
        Advance();
        if (_current.Kind != TokenKind.Label)
        {
            throw Error("expected a label name inside has()");
        }

        var label = _current.Text;
        Advance();
        Expect(TokenKind.RightParen, $"expected ')' to close has({label}");
        return new HasSelector(label);
    }

    private Selector ParseEmptyCall(Selector result)
    {
        var name = _current.Text;
        Advance();
        Expect(TokenKind.RightParen, $"expected ')' after '{name}'; {name}) takes no arguments");
        return result;
    }

    private Selector ParseParenthesized(int depth)
    {
        var open = _current;
        Advance();
        var inner = ParseOr(depth);
        Expect(TokenKind.RightParen, $"expected ')' to close the '(' at column {open.Column}");
        return inner;
    }

    private int Deeper(int depth)
    {
        if (depth >= _maxDepth)
        {
            throw Error($"nesting deeper than {_maxDepth} levels of '(' and '!'");
        }

        return depth + 1;
    }

    internal SelectorToken Current => _current;

    internal void Advance() => _current = _tokens.Next();

    internal void Expect(TokenKind kind, string reason)
    {
        if (_current.Kind != kind)
        {
            throw Error(reason);
        }

        Advance();
    }

    internal SelectorSyntaxException Error(string reason) => new(_current.Column, reason);
}
