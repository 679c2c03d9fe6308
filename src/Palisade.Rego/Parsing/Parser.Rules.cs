using Palisade.Rego.Ast;
using Palisade.Rego.Syntax;
using Palisade.Rego.Values;

namespace Palisade.Rego.Parsing;

internal sealed partial class Parser
{
    /// <summary>Reads one rule statement (with its else chain); v0's <c>p { a } { b }</c> yields several rules.</summary>
    private void ParseRules(List<Rule> rules)
    {
        var start = Current;
        var isDefault = IsKeyword(start, Keywords.Default);
        if (isDefault)
        {
            Advance();
        }

        var (reference, arguments) = ParseRuleName();
        Term? key = null;
        Term? value = null;
        var assign = false;
        var hasContains = false;
        if (arguments is null && IsKeyword(Current, Keywords.Contains))
        {
            Advance();
            hasContains = true;
            key = ParseRuleValue();
        }
        else if (Is(TokenKind.Assign) || Is(TokenKind.Unify))
        {
            assign = Advance().Kind == TokenKind.Assign;
            value = ParseRuleValue();
        }

        if (isDefault)
        {
            if (value is null)
            {
                throw Abort(start, "illegal default rule (must have a value)");
            }

            if (FirstNonConstant(value) is { } found)
            {
                throw Abort(start, $"illegal default rule (value cannot contain {TypeName(found)})");
            }

            foreach (var argument in arguments ?? [])
            {
                if (argument is not VarTerm)
                {
                    throw Abort(start, $"illegal default rule (arguments cannot contain {TypeName(argument)})");
                }
            }

            var defaultHead = new RuleHead(reference, arguments, null, value, assign, Span(start));
            rules.Add(new Rule(defaultHead, new Body([], Span(start)), null, IsDefault: true, Span(start)));
            return;
        }

        var headLocation = Span(start);
        var (body, hasIf) = ParseRuleBody();
        if (key is null && value is null && arguments is null && body.IsEmpty && !hasIf && reference.Path.Count == 0)
        {
            // OPA reads a lone name as an expression statement, which cannot define a rule.
            throw Abort(start, "var cannot be used for rule name");
        }

        var implicitValue = false;
        if (key is null && value is null)
        {
            // As in OPA: a two-part ref without `if` (v0's `p[x] { … }`, even `p.q { … }`) is a partial set;
            // anything else without a value (`p if …`, `a[x] if …`, `a.b.c { … }`) has the value true.
            if (arguments is null && !hasIf && reference.Path.Count == 1)
            {
                key = reference.Path[0];
                reference = new RefTerm(reference.Head, [], reference.Head.Location);
            }
            else
            {
                value = new ScalarTerm(BooleanValue.True, headLocation);
                implicitValue = true;
            }
        }

        var head = new RuleHead(reference, arguments, key, value, assign, headLocation)
        {
            ImplicitValue = implicitValue,
            HasContainsKeyword = hasContains,
        };
        var elses = ParseElseChain(head);
        var rule = new Rule(head, body, elses, false, Span(start)) { HasIfKeyword = hasIf };
        CheckV1(rule, body.IsEmpty && !hasIf ? null : body);
        rules.Add(rule);

        // v0 allowed one head with several bodies, each a rule of its own.
        while (Is(TokenKind.LBrace) && !hasIf)
        {
            var more = ParseBraceBody();
            var extra = new Rule(head, more, null, false, Span(start));
            CheckV1(extra, more);
            rules.Add(extra);
        }
    }

    /// <summary>The rule's name: a var or ref (<c>p</c>, <c>a.b[x]</c>), or a call for functions (<c>f(x)</c>).</summary>
    private (RefTerm Reference, IReadOnlyList<Term>? Arguments) ParseRuleName()
    {
        var start = Current;
        if (start.Kind != TokenKind.Ident || IsAnyKeyword(start))
        {
            if (CanStartTerm(start) && start.Kind != TokenKind.Ident)
            {
                var term = ParseTerm();
                throw Abort(start, $"{TypeName(term)} cannot be used for rule name");
            }

            throw Unexpected(start);
        }

        // As in OPA, a rule name may be separated from its first suffix: `f (x) := …`, `p [x] { … }`.
        var name = ParseRuleNameTerm(start);
        return name switch
        {
            RefTerm r when r.Head is VarTerm => (r, null),
            VarTerm v => (new RefTerm(v, [], v.Location), null),
            // OPA keeps `f() := v` a rule, not a function: its args are empty, and only rules with args are functions.
            CallTerm { Arguments.Count: 0 } call => (call.Operator, null),
            CallTerm call => (call.Operator, call.Arguments),
            _ => throw Abort(start, $"{TypeName(name)} cannot be used for rule name"),
        };
    }

    private Term ParseRuleValue()
    {
        if (!CanStartTerm(Current))
        {
            throw Unexpected(Current, "expected rule value term");
        }

        return ParseTermIn(keyValue: false);
    }

    private (Body Body, bool HasIf) ParseRuleBody()
    {
        if (IsKeyword(Current, Keywords.If))
        {
            var ifToken = Advance();
            if (Is(TokenKind.LBrace))
            {
                return (ParseBracedIfBody(ifToken), true);
            }

            var literal = ParseLiteral();
            return (new Body([literal], Span(ifToken)), true);
        }

        if (Is(TokenKind.LBrace))
        {
            return (ParseBraceBody(), false);
        }

        return (new Body([], LocationOf(Current)), false);
    }

    /// <summary>
    /// After <c>if</c>, a brace opens a body unless the whole thing reads as one expression that is not a set literal
    /// (<c>if {x: i | …}</c>, <c>if {1} == s</c>, <c>if {a | b}</c>), which is how OPA decides. Reading the body first
    /// keeps the common case free of backtracking.
    /// </summary>
    private Body ParseBracedIfBody(Token ifToken)
    {
        var save = _pos;
        var savedDepth = _depth;
        try
        {
            var body = ParseBraceBody();
            if (!ContinuesExpression(Current) && !IsBareUnion(body))
            {
                return body;
            }
        }
        catch (ParseAbort) when (!IsDepthError())
        {
            _pos = save;
            _depth = savedDepth;
            try
            {
                return new Body([ParseLiteral()], Span(ifToken));
            }
            catch (ParseAbort) when (!IsDepthError())
            {
                // Neither reading works: report the body's error, which is the more useful one.
                _pos = save;
                _depth = savedDepth;
                ParseBraceBody();
                throw;
            }
        }

        _pos = save;
        _depth = savedDepth;
        return new Body([ParseLiteral()], Span(ifToken));
    }

    /// <summary>True when the token would extend a term that ended just before it.</summary>
    private bool ContinuesExpression(Token token) => token.Kind switch
    {
        TokenKind.Unify or TokenKind.Assign or TokenKind.Equal or TokenKind.NotEqual or TokenKind.Less or TokenKind.LessOrEqual
            or TokenKind.Greater or TokenKind.GreaterOrEqual or TokenKind.Plus or TokenKind.Minus or TokenKind.Multiply
            or TokenKind.Divide or TokenKind.Remainder or TokenKind.And or TokenKind.Or => true,
        TokenKind.Dot or TokenKind.LBracket or TokenKind.LParen => !token.SpaceBefore,
        _ => IsKeyword(token, Keywords.With) || IsKeyword(token, Keywords.In),
    };

    /// <summary><c>{a | b}</c> as a body is one union expression; OPA reads it as a set comprehension instead.</summary>
    private bool IsBareUnion(Body body) =>
        body.Count == 1 && !body[0].Negated && body[0].With.Count == 0 && body[0].Content is CallTerm { Name: Operators.Or } call
        && _source[call.Operator.Location.Offset] == '|';

    private Rule? ParseElseChain(RuleHead head)
    {
        var chain = new List<(Rule Rule, Token Start)>();
        while (IsKeyword(Current, Keywords.Else))
        {
            var start = Current;
            if (head.Kind == RuleKind.MultiValue)
            {
                throw Abort(start, "else keyword cannot be used on multi-value rules");
            }

            // Each else nests the rule one level deeper, and the compiler and evaluator walk the chain recursively.
            if (chain.Count >= _options.MaxDepth)
            {
                throw Abort(start, $"else chain longer than {_options.MaxDepth} branches");
            }

            if (head.Reference.Path.Any(t => t is not ScalarTerm))
            {
                throw Abort(start, "else keyword cannot be used on rules with variables in head");
            }

            Advance();
            Term? value = null;
            var assign = false;
            if (!Is(TokenKind.Assign) && !Is(TokenKind.Unify) && !Is(TokenKind.LBrace) && !IsKeyword(Current, Keywords.If))
            {
                throw Unexpected(Current, "expected else value term or rule body");
            }

            if (Is(TokenKind.Assign) || Is(TokenKind.Unify))
            {
                assign = Advance().Kind == TokenKind.Assign;
                value = ParseRuleValue();
            }

            var implicitValue = value is null;
            value ??= new ScalarTerm(BooleanValue.True, LocationOf(start));
            var elseHead = new RuleHead(head.Reference, head.Arguments, null, value, assign, Span(start)) { ImplicitValue = implicitValue };
            var (body, hasIf) = ParseRuleBody();
            var rule = new Rule(elseHead, body, null, false, Span(start)) { HasIfKeyword = hasIf };
            if (_enforceV1 && !body.IsEmpty && !hasIf)
            {
                Report(rule.Location, $"`if` keyword is required before {RuleWord(head)} body");
            }

            chain.Add((rule, start));
        }

        Rule? next = null;
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            next = chain[i].Rule with { Else = next };
        }

        return next;
    }

    /// <summary>The checks OPA makes of v1 modules (and of v0 modules that import rego.v1) after reading a rule.</summary>
    private void CheckV1(Rule rule, Body? writtenBody)
    {
        if (!_enforceV1)
        {
            return;
        }

        var head = rule.Head;
        if (writtenBody is null && head.ImplicitValue && head.Arguments is null)
        {
            Report(rule.Location, $"{RuleWord(head)} must have value assignment and/or body declaration");
        }

        if (writtenBody is not null && !rule.HasIfKeyword)
        {
            Report(rule.Location, $"`if` keyword is required before {RuleWord(head)} body");
        }

        if (head.Kind == RuleKind.MultiValue && !head.HasContainsKeyword)
        {
            Report(rule.Location, "`contains` keyword is required for partial set rules");
        }
    }

    /// <summary>A var, ref or call inside a default value (comprehensions excepted), which OPA rejects while parsing.</summary>
    private static Term? FirstNonConstant(Term term)
    {
        switch (term)
        {
            case VarTerm or RefTerm or CallTerm or TemplateStringTerm:
                return term;
            case ArrayTerm array:
                return FirstNonConstant(array.Items);
            case SetTerm set:
                return FirstNonConstant(set.Items);
            case ObjectTerm obj:
                foreach (var item in obj.Items)
                {
                    if ((FirstNonConstant(item.Key) ?? FirstNonConstant(item.Value)) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static Term? FirstNonConstant(IReadOnlyList<Term> terms)
    {
        foreach (var term in terms)
        {
            if (FirstNonConstant(term) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string RuleWord(RuleHead head) => head.Arguments is null ? "rule" : "function";

    /// <summary>The type names OPA uses in messages such as "number cannot be used for rule name".</summary>
    private static string TypeName(Term term) => term switch
    {
        ScalarTerm { Value: NullValue } => "null",
        ScalarTerm { Value: BooleanValue } => "boolean",
        ScalarTerm { Value: NumberValue } => "number",
        ScalarTerm => "string",
        VarTerm => "var",
        RefTerm => "ref",
        ArrayTerm => "array",
        SetTerm => "set",
        ObjectTerm => "object",
        ArrayComprehension => "arraycomprehension",
        SetComprehension => "setcomprehension",
        ObjectComprehension => "objectcomprehension",
        CallTerm => "call",
        TemplateStringTerm => "templatestring",
        _ => "term",
    };
}
