using Palisade.Rego.Ast;
using Palisade.Rego.Syntax;

namespace Palisade.Rego.Parsing;

/// <summary>
/// Template strings: <c>$"text {expr} text"</c> and <c>$`…`</c>. The lexer found where the token ends; here its text
/// is split into literal parts and embedded expressions, each expression lexed and parsed in place.
/// </summary>
internal sealed partial class Parser
{
    private TemplateStringTerm ParseTemplate(Token token)
    {
        var multiLine = token.Kind == TokenKind.RawTemplateString;
        var contentStart = token.Start + 2;
        var contentEnd = token.End - 1;
        var parts = new List<TemplatePart>();
        var textStart = contentStart;
        var line = token.Line;
        var lineStart = token.Start - (token.Column - 1);
        var i = contentStart;
        while (i < contentEnd)
        {
            var c = _source[i];
            if (c == '\\' && (!multiLine || (i + 1 < contentEnd && _source[i + 1] == '{')))
            {
                i += 2;
                continue;
            }

            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
            }

            if (c != '{')
            {
                i++;
                continue;
            }

            AddTemplateText(parts, textStart, i, multiLine, token);
            var (expression, next) = ParseTemplateExpression(i + 1, contentEnd, line, i + 1 - lineStart + 1);
            parts.Add(TemplatePart.Embedded(expression));
            for (var j = i; j < next; j++)
            {
                if (_source[j] == '\n')
                {
                    line++;
                    lineStart = j + 1;
                }
            }

            i = next;
            textStart = i;
        }

        AddTemplateText(parts, textStart, contentEnd, multiLine, token);
        return new TemplateStringTerm(parts, multiLine, LocationOf(token));
    }

    private void AddTemplateText(List<TemplatePart> parts, int start, int end, bool multiLine, Token token)
    {
        if (end <= start)
        {
            return;
        }

        var text = multiLine
            ? StringLiterals.DecodeRawTemplate(_source, start, end)
            : StringLiterals.Decode(_source, start, end, template: true)
                ?? throw Abort(token, $"illegal template-string part: {_source.Substring(start, end - start)}");
        if (text.Length > 0)
        {
            parts.Add(TemplatePart.Literal(text));
        }
    }

    /// <summary>Parses the expression starting at <paramref name="start"/>; returns it and the offset after its closing brace.</summary>
    private (Expr Expression, int Next) ParseTemplateExpression(int start, int end, int line, int column)
    {
        var lexer = new Lexer(_source, start, end, line, column);
        var tokens = new List<Token>();
        var depth = 0;
        Token token;
        while (true)
        {
            token = lexer.Next();
            if (token.Kind is TokenKind.Illegal or TokenKind.EndOfFile)
            {
                throw Abort(token, lexer.Error ?? "expected } to end template string expression");
            }

            if (token.Kind == TokenKind.LBrace)
            {
                depth++;
            }
            else if (token.Kind == TokenKind.RBrace && depth-- == 0)
            {
                break;
            }

            tokens.Add(token);
        }

        tokens.Add(token with { Kind = TokenKind.EndOfFile, End = token.Start });
        var (savedTokens, savedPos, savedCache) = (_tokens, _pos, _termCache);
        _tokens = tokens.ToArray();
        _pos = 0;
        _termCache = [];
        try
        {
            var first = Current;
            if (first.Kind == TokenKind.EndOfFile)
            {
                throw Abort(first, "invalid template-string expression");
            }

            var expr = ParseLiteral();
            if (!Is(TokenKind.EndOfFile))
            {
                throw Abort(Current, "expected } to end template string expression");
            }

            CheckTemplateExpression(expr);
            return (expr, token.End);
        }
        finally
        {
            (_tokens, _pos, _termCache) = (savedTokens, savedPos, savedCache);
        }
    }

    private static void CheckTemplateExpression(Expr expr)
    {
        string? message = expr switch
        {
            { Negated: true } => "unexpected negation ('not') in template-string expression",
            { IsUnification: true } => "unexpected unification ('=') in template-string expression",
            { IsAssignment: true } => "unexpected assignment (':=') in template-string expression",
            { Content: Every } => "unexpected 'every' in template-string expression",
            { Content: SomeDecl } => "unexpected 'some' in template-string expression",
            _ => null,
        };
        if (message is not null)
        {
            throw Abort(expr.Location, message);
        }
    }
}
