namespace Palisade.Kube.Schema.Cel;

/// <summary>
/// Recursive-descent parser for CEL's grammar, lowest precedence first:
/// <c>?:</c>, <c>||</c>, <c>&amp;&amp;</c>, relations (<c>== != &lt; &lt;= &gt; &gt;= in</c>), <c>+ -</c>, <c>* / %</c>,
/// unary <c>! -</c>, then member access, index and calls. The macros (has, all, exists, exists_one, filter, map)
/// are recognized here, as CEL's own parser does.
/// </summary>
internal sealed class CelParser
{
    private const int MaxDepth = 100;

    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop", "package",
        "namespace", "return", "var", "void", "while",
    };

    private static readonly string[] Macros = ["all", "exists", "exists_one", "filter", "map"];

    private readonly IReadOnlyList<CelToken> _tokens;
    private int _next;
    private int _depth;

    private CelParser(IReadOnlyList<CelToken> tokens) => _tokens = tokens;

    public static CelExpr Parse(string source)
    {
        var parser = new CelParser(CelLexer.Tokenize(source));
        var expr = parser.ParseExpr();
        var end = parser.Peek;
        return end.Kind == CelTokenKind.End ? expr : throw new CelSyntaxException($"unexpected '{end.Text}'", end.Position);
    }

    private CelToken Peek => _tokens[_next];

    private CelToken Advance() => _tokens[_next++];

    private bool Accept(string punctuation)
    {
        if (Peek.Is(punctuation))
        {
            _next++;
            return true;
        }

        return false;
    }

    private CelToken Expect(string punctuation) =>
        Peek.Is(punctuation) ? Advance() : throw new CelSyntaxException($"expected '{punctuation}' but found '{Peek.Text}'", Peek.Position);

    private CelExpr ParseExpr()
    {
        if (++_depth > MaxDepth)
        {
            throw new CelSyntaxException($"expression nested deeper than {MaxDepth} levels", Peek.Position);
        }

        var condition = ParseOr();
        if (Peek.Is("?"))
        {
            var position = Advance().Position;
            var then = ParseOr();
            Expect(":");
            var otherwise = ParseExpr();
            condition = new CelConditional(condition, then, otherwise, position);
        }

        _depth--;
        return condition;
    }

    private CelExpr ParseOr() => ParseLeftAssociative(ParseAnd, "||");

    private CelExpr ParseAnd() => ParseLeftAssociative(ParseRelation, "&&");

    private CelExpr ParseRelation()
    {
        var left = ParseAddition();
        while ((Peek.Kind == CelTokenKind.Punctuation && Peek.Text is "==" or "!=" or "<" or "<=" or ">" or ">=")
               || (Peek.Kind == CelTokenKind.Identifier && Peek.Text == "in"))
        {
            var op = Advance();
            left = new CelBinary(op.Text, left, ParseAddition(), op.Position);
        }

        return left;
    }

    private CelExpr ParseAddition() => ParseLeftAssociative(ParseMultiplication, "+", "-");

    private CelExpr ParseMultiplication() => ParseLeftAssociative(ParseUnary, "*", "/", "%");

    private CelExpr ParseLeftAssociative(Func<CelExpr> operand, params string[] operators)
    {
        var left = operand();
        while (Peek.Kind == CelTokenKind.Punctuation && operators.Contains(Peek.Text))
        {
            var op = Advance();
            left = new CelBinary(op.Text, left, operand(), op.Position);
        }

        return left;
    }

    private CelExpr ParseUnary()
    {
        if (Peek.Is("!") || Peek.Is("-"))
        {
            var op = Advance();
            if (op.Text == "-" && Peek.Kind == CelTokenKind.Int && !IsFollowedByMember())
            {
                // Folded so that the most negative int can be written.
                var literal = Advance();
                return new CelLiteral(literal.Value is long value ? -value : long.MinValue, op.Position);
            }

            if (++_depth > MaxDepth)
            {
                throw new CelSyntaxException($"expression nested deeper than {MaxDepth} levels", op.Position);
            }

            var operand = ParseUnary();
            _depth--;
            return new CelUnary(op.Text, operand, op.Position);
        }

        return ParseMember(ParsePrimary());
    }

    private bool IsFollowedByMember() => _tokens[_next + 1].Is(".") || _tokens[_next + 1].Is("[");

    private CelExpr ParseMember(CelExpr operand)
    {
        while (true)
        {
            if (Peek.Is("."))
            {
                var dot = Advance();
                var name = ExpectIdentifier();
                if (Peek.Is("("))
                {
                    var args = ParseArguments();
                    operand = Macros.Contains(name.Text) ? MakeComprehension(operand, name, args) : new CelCall(operand, name.Text, args, name.Position);
                }
                else
                {
                    operand = new CelSelect(operand, name.Text, TestOnly: false, dot.Position);
                }
            }
            else if (Peek.Is("["))
            {
                var open = Advance();
                var index = ParseExpr();
                Expect("]");
                operand = new CelIndex(operand, index, open.Position);
            }
            else
            {
                return operand;
            }
        }
    }

    private static CelComprehension MakeComprehension(CelExpr range, CelToken name, IReadOnlyList<CelExpr> args)
    {
        if (args.Count != 2 || args[0] is not CelIdent variable)
        {
            throw new CelSyntaxException($"{name.Text}() takes a variable name and an expression, as in {name.Text}(x, x > 0)", name.Position);
        }

        return new CelComprehension(name.Text, range, variable.Name, args[1], name.Position);
    }

    private CelToken ExpectIdentifier()
    {
        var token = Advance();
        return token.Kind == CelTokenKind.Identifier
            ? token
            : throw new CelSyntaxException($"expected a field name but found '{token.Text}'", token.Position);
    }

    private List<CelExpr> ParseArguments()
    {
        Expect("(");
        var args = new List<CelExpr>();
        if (!Accept(")"))
        {
            do
            {
                args.Add(ParseExpr());
            }
            while (Accept(","));
            Expect(")");
        }

        return args;
    }

    private CelExpr ParsePrimary()
    {
        var token = Advance();
        switch (token.Kind)
        {
            case CelTokenKind.Int when token.Value is null:
                throw new CelSyntaxException($"integer '{token.Text}' is out of range", token.Position);
            case CelTokenKind.Int or CelTokenKind.Double or CelTokenKind.String:
                return new CelLiteral(token.Value!, token.Position);
            case CelTokenKind.Identifier:
                return ParseIdentifier(token);
            case CelTokenKind.Punctuation when token.Text == "(":
                var inner = ParseExpr();
                Expect(")");
                return inner;
            case CelTokenKind.Punctuation when token.Text == "[":
                return new CelListLiteral(ParseList("]"), token.Position);
            case CelTokenKind.Punctuation when token.Text == "{":
                return ParseMap(token);
            case CelTokenKind.Punctuation when token.Text == ".":
                throw new CelSyntaxException("qualified names with a leading '.' are not supported", token.Position);
            default:
                throw new CelSyntaxException(token.Kind == CelTokenKind.End ? "unexpected end of rule" : $"unexpected '{token.Text}'", token.Position);
        }
    }

    private CelExpr ParseIdentifier(CelToken token)
    {
        switch (token.Text)
        {
            case "true": return new CelLiteral(true, token.Position);
            case "false": return new CelLiteral(false, token.Position);
            case "null": return new CelLiteral(CelNull.Value, token.Position);
            case "in": throw new CelSyntaxException("unexpected 'in'", token.Position);
            case var word when Reserved.Contains(word): throw new CelSyntaxException($"'{word}' is a reserved word", token.Position);
        }

        if (!Peek.Is("("))
        {
            return new CelIdent(token.Text, token.Position);
        }

        var args = ParseArguments();
        if (token.Text != "has")
        {
            return new CelCall(null, token.Text, args, token.Position);
        }

        return args is [CelSelect select]
            ? select with { TestOnly = true }
            : throw new CelSyntaxException("has() takes a field selection, as in has(self.field)", token.Position);
    }

    private List<CelExpr> ParseList(string close)
    {
        var items = new List<CelExpr>();
        if (!Accept(close))
        {
            do
            {
                if (Peek.Is(close))
                {
                    break;
                }

                items.Add(ParseExpr());
            }
            while (Accept(","));
            Expect(close);
        }

        return items;
    }

    private CelMapLiteral ParseMap(CelToken open)
    {
        var entries = new List<(CelExpr, CelExpr)>();
        if (!Accept("}"))
        {
            do
            {
                if (Peek.Is("}"))
                {
                    break;
                }

                var key = ParseExpr();
                Expect(":");
                entries.Add((key, ParseExpr()));
            }
            while (Accept(","));
            Expect("}");
        }

        return new CelMapLiteral(entries, open.Position);
    }
}
