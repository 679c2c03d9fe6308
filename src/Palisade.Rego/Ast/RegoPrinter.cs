using System.Globalization;
using System.Text;
using Palisade.Rego.Values;

namespace Palisade.Rego.Ast;

/// <summary>
/// Prints syntax nodes as Rego v1 text that parses back to the same tree (locations aside). Infix operators get
/// parentheses only where precedence or an ambiguous position (e.g. <c>[a | b]</c>, which reads as a comprehension) needs them.
/// </summary>
public static class RegoPrinter
{
    private enum Position
    {
        Top,
        Left,
        Right,
        Element,
    }

    public static string Print(Node node)
    {
        var builder = new StringBuilder();
        Write(builder, node, 0);
        return builder.ToString();
    }

    private static void Write(StringBuilder b, Node node, int indent)
    {
        switch (node)
        {
            case Term term:
                WriteTerm(b, term, Position.Top, 0);
                break;
            case Expr expr:
                WriteExpr(b, expr);
                break;
            case Body body:
                WriteInlineBody(b, body);
                break;
            case SomeDecl some:
                WriteSome(b, some);
                break;
            case Every every:
                WriteEvery(b, every);
                break;
            case WithModifier with:
                WriteWith(b, with);
                break;
            case Rule rule:
                WriteRule(b, rule, indent);
                break;
            case RuleHead head:
                WriteHead(b, head);
                break;
            case Package package:
                b.Append("package ");
                WritePackagePath(b, package.Path);
                break;
            case Import import:
                WriteImport(b, import);
                break;
            case Module module:
                WriteModule(b, module);
                break;
            case Comment comment:
                b.Append('#').Append(comment.Text);
                break;
            default:
                b.Append(node.GetType().Name);
                break;
        }
    }

    private static void WriteModule(StringBuilder b, Module module)
    {
        Write(b, module.Package, 0);
        b.Append('\n');
        if (module.Imports.Count > 0)
        {
            b.Append('\n');
            foreach (var import in module.Imports)
            {
                WriteImport(b, import);
                b.Append('\n');
            }
        }

        foreach (var rule in module.Rules)
        {
            b.Append('\n');
            WriteRule(b, rule, 0);
            b.Append('\n');
        }
    }

    private static void WritePackagePath(StringBuilder b, RefTerm path)
    {
        // The package path is kept rooted at data; the source names it without that root.
        if (path.HeadName == "data" && path.Path.Count > 0 && path.Path[0] is ScalarTerm first && first.IsString(out var name))
        {
            var rest = new RefTerm(new VarTerm(name, first.Location), path.Path.Skip(1).ToArray(), path.Location);
            WriteTerm(b, rest, Position.Top, 0);
            return;
        }

        WriteTerm(b, path, Position.Top, 0);
    }

    private static void WriteImport(StringBuilder b, Import import)
    {
        b.Append("import ");
        WriteTerm(b, import.Path, Position.Top, 0);
        if (import.Alias is not null)
        {
            b.Append(" as ").Append(import.Alias);
        }
    }

    private static void WriteRule(StringBuilder b, Rule rule, int indent)
    {
        if (rule.IsDefault)
        {
            b.Append("default ");
        }

        WriteHead(b, rule.Head);
        WriteRuleBody(b, rule.Body, indent);
        for (var next = rule.Else; next is not null; next = next.Else)
        {
            b.Append(" else");
            if (!next.Head.ImplicitValue && next.Head.Value is not null)
            {
                b.Append(next.Head.Assign ? " := " : " = ");
                WriteTerm(b, next.Head.Value, Position.Top, 0);
            }

            WriteRuleBody(b, next.Body, indent);
        }
    }

    private static void WriteRuleBody(StringBuilder b, Body body, int indent)
    {
        if (body.IsEmpty)
        {
            return;
        }

        b.Append(" if {\n");
        foreach (var expr in body.Expressions)
        {
            b.Append('\t', indent + 1);
            WriteExpr(b, expr);
            b.Append('\n');
        }

        b.Append('\t', indent).Append('}');
    }

    private static void WriteHead(StringBuilder b, RuleHead head)
    {
        WriteTerm(b, head.Reference, Position.Top, 0);
        if (head.Arguments is not null)
        {
            b.Append('(');
            WriteList(b, head.Arguments);
            b.Append(')');
        }

        if (head.Key is not null && head.Value is null)
        {
            b.Append(" contains ");
            WriteTerm(b, head.Key, Position.Top, 0);
        }
        else if (head.Value is not null && !head.ImplicitValue)
        {
            b.Append(head.Assign ? " := " : " = ");
            WriteTerm(b, head.Value, Position.Top, 0);
        }
    }

    private static void WriteExpr(StringBuilder b, Expr expr)
    {
        if (expr.Negated)
        {
            b.Append("not ");
        }

        switch (expr.Content)
        {
            case Term term:
                WriteTerm(b, term, Position.Top, 0);
                break;
            case SomeDecl some:
                WriteSome(b, some);
                break;
            case Every every:
                WriteEvery(b, every);
                break;
        }

        foreach (var with in expr.With)
        {
            b.Append(' ');
            WriteWith(b, with);
        }
    }

    private static void WriteWith(StringBuilder b, WithModifier with)
    {
        b.Append("with ");
        WriteTerm(b, with.Target, Position.Top, 0);
        b.Append(" as ");
        WriteTerm(b, with.Value, Position.Top, 0);
    }

    private static void WriteSome(StringBuilder b, SomeDecl some)
    {
        b.Append("some ");
        for (var i = 0; i < some.Symbols.Count; i++)
        {
            if (i > 0)
            {
                b.Append(", ");
            }

            WriteTerm(b, some.Symbols[i], Position.Top, 0);
        }
    }

    private static void WriteEvery(StringBuilder b, Every every)
    {
        b.Append("every ");
        if (every.Key is not null)
        {
            WriteTerm(b, every.Key, Position.Left, Operators.Precedence(Operators.Member));
            b.Append(", ");
        }

        WriteTerm(b, every.Value, Position.Left, Operators.Precedence(Operators.Member));
        b.Append(" in ");
        WriteTerm(b, every.Domain, Position.Right, Operators.Precedence(Operators.Member));
        b.Append(" { ");
        WriteInlineBody(b, every.Body);
        b.Append(" }");
    }

    private static void WriteInlineBody(StringBuilder b, Body body)
    {
        for (var i = 0; i < body.Count; i++)
        {
            if (i > 0)
            {
                b.Append("; ");
            }

            WriteExpr(b, body[i]);
        }
    }

    private static void WriteList(StringBuilder b, IReadOnlyList<Term> terms)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            if (i > 0)
            {
                b.Append(", ");
            }

            WriteTerm(b, terms[i], Position.Element, 0);
        }
    }

    private static void WriteTerm(StringBuilder b, Term term, Position position, int parentPrecedence)
    {
        switch (term)
        {
            case ScalarTerm scalar:
                WriteScalar(b, scalar.Value);
                break;
            case VarTerm v:
                b.Append(v.Name);
                break;
            case RefTerm r:
                WriteRef(b, r);
                break;
            case ArrayTerm array:
                b.Append('[');
                WriteList(b, array.Items);
                b.Append(']');
                break;
            case SetTerm set when set.Items.Count == 0:
                b.Append("set()");
                break;
            case SetTerm set:
                b.Append('{');
                WriteList(b, set.Items);
                b.Append('}');
                break;
            case ObjectTerm obj:
                WriteObject(b, obj);
                break;
            case ArrayComprehension ac:
                b.Append('[');
                WriteTerm(b, ac.Head, Position.Element, 0);
                b.Append(" | ");
                WriteInlineBody(b, ac.Body);
                b.Append(']');
                break;
            case SetComprehension sc:
                b.Append('{');
                WriteTerm(b, sc.Head, Position.Element, 0);
                b.Append(" | ");
                WriteInlineBody(b, sc.Body);
                b.Append('}');
                break;
            case ObjectComprehension oc:
                b.Append('{');
                WriteTerm(b, oc.Key, Position.Element, 0);
                b.Append(": ");
                WriteTerm(b, oc.Value, Position.Element, 0);
                b.Append(" | ");
                WriteInlineBody(b, oc.Body);
                b.Append('}');
                break;
            case CallTerm call:
                WriteCall(b, call, position, parentPrecedence);
                break;
            case TemplateStringTerm template:
                WriteTemplate(b, template);
                break;
        }
    }

    private static void WriteObject(StringBuilder b, ObjectTerm obj)
    {
        b.Append('{');
        for (var i = 0; i < obj.Items.Count; i++)
        {
            if (i > 0)
            {
                b.Append(", ");
            }

            WriteTerm(b, obj.Items[i].Key, Position.Element, 0);
            b.Append(": ");
            WriteTerm(b, obj.Items[i].Value, Position.Element, 0);
        }

        b.Append('}');
    }

    private static void WriteRef(StringBuilder b, RefTerm r)
    {
        WriteTerm(b, r.Head, Position.Element, 0);
        foreach (var item in r.Path)
        {
            if (item is ScalarTerm s && s.IsString(out var text) && Syntax.Identifiers.IsIdentifier(text))
            {
                b.Append('.').Append(text);
            }
            else
            {
                b.Append('[');
                WriteTerm(b, item, Position.Top, 0);
                b.Append(']');
            }
        }
    }

    private static void WriteCall(StringBuilder b, CallTerm call, Position position, int parentPrecedence)
    {
        var name = call.Name;
        var symbol = call.Arguments.Count == 2 ? Operators.InfixSymbol(name) : null;
        var keyed = name == Operators.MemberWithKey && call.Arguments.Count == 3;
        if (symbol is null && !keyed)
        {
            b.Append(name).Append('(');
            WriteList(b, call.Arguments);
            b.Append(')');
            return;
        }

        var precedence = Operators.Precedence(name);
        var parens = position == Position.Element
            || (position == Position.Left && precedence < parentPrecedence)
            || (position == Position.Right && precedence <= parentPrecedence);
        if (parens)
        {
            b.Append('(');
        }

        if (keyed)
        {
            WriteTerm(b, call.Arguments[0], Position.Right, precedence);
            b.Append(", ");
            WriteTerm(b, call.Arguments[1], Position.Right, precedence);
            b.Append(" in ");
            WriteTerm(b, call.Arguments[2], Position.Right, precedence);
        }
        else
        {
            WriteTerm(b, call.Arguments[0], Position.Left, precedence);
            b.Append(' ').Append(symbol).Append(' ');
            WriteTerm(b, call.Arguments[1], Position.Right, precedence);
        }

        if (parens)
        {
            b.Append(')');
        }
    }

    private static void WriteTemplate(StringBuilder b, TemplateStringTerm template)
    {
        b.Append("$\"");
        foreach (var part in template.Parts)
        {
            if (part.Text is not null)
            {
                WriteEscaped(b, part.Text, escapeBrace: true);
            }
            else if (part.Expression is not null)
            {
                b.Append('{');
                WriteExpr(b, part.Expression);
                b.Append('}');
            }
        }

        b.Append('"');
    }

    private static void WriteScalar(StringBuilder b, Value value)
    {
        if (value is StringValue s)
        {
            b.Append('"');
            WriteEscaped(b, s.Value, escapeBrace: false);
            b.Append('"');
        }
        else
        {
            b.Append(value.ToString());
        }
    }

    /// <summary>Escapes as a JSON string body, which is what Rego's string literals are.</summary>
    private static void WriteEscaped(StringBuilder b, string text, bool escapeBrace)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    b.Append("\\\"");
                    break;
                case '\\':
                    b.Append("\\\\");
                    break;
                case '\n':
                    b.Append("\\n");
                    break;
                case '\r':
                    b.Append("\\r");
                    break;
                case '\t':
                    b.Append("\\t");
                    break;
                case '\b':
                    b.Append("\\b");
                    break;
                case '\f':
                    b.Append("\\f");
                    break;
                case '{' when escapeBrace:
                    b.Append("\\{");
                    break;
                case < ' ':
                    b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    b.Append(c);
                    break;
            }
        }
    }
}
