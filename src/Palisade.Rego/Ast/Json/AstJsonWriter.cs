using System.Text;
using Palisade.Rego.Values;

namespace Palisade.Rego.Ast.Json;

/// <summary>
/// Writes one module. OPA's parser renames each wildcard <c>_</c> to <c>$0</c>, <c>$1</c>, … in the order it reads
/// them, so this walk visits nodes in source order and numbers wildcards as it meets them.
/// </summary>
internal sealed partial class AstJsonWriter(string fileName)
{
    private static readonly Value TrueTerm = Term("boolean", BooleanValue.True);

    private int _wildcards;

    public ObjectValue Module(Module module)
    {
        var fields = new List<(string, Value)> { ("package", Object(("path", RefElements(module.Package.Path)))) };
        if (module.Imports.Count > 0)
        {
            fields.Add(("imports", ArrayValue.Of(module.Imports.Select(Import))));
        }

        if (module.Rules.Count > 0)
        {
            fields.Add(("rules", ArrayValue.Of(module.Rules.Select(Rule))));
        }

        if (module.Comments.Count > 0)
        {
            fields.Add(("comments", ArrayValue.Of(module.Comments.Select(Comment))));
        }

        return Object([.. fields]);
    }

    private Value Import(Import import)
    {
        var path = Term("ref", RefElements(import.Path));
        return import.Alias is { } alias
            ? Object(("path", path), ("alias", StringValue.Of(alias)))
            : Object(("path", path));
    }

    /// <summary>Go marshals the comment struct field by field: capitalised names, the text base64-encoded.</summary>
    private Value Comment(Comment comment) => Object(
        ("Text", StringValue.Of(Convert.ToBase64String(Encoding.UTF8.GetBytes(comment.Text)))),
        ("Location", Object(
            ("file", StringValue.Of(fileName)),
            ("row", NumberValue.Of(comment.Location.Line)),
            ("col", NumberValue.Of(comment.Location.Column)))));

    private Value Rule(Rule rule)
    {
        var head = HeadFields.Of(this, rule);
        var fields = new List<(string, Value)> { ("head", head.ToValue()), ("body", RuleBody(rule)) };
        if (rule.IsDefault)
        {
            fields.Add(("default", BooleanValue.True));
        }

        if (rule.Else is { } elseRule)
        {
            fields.Add(("else", Else(elseRule, head)));
        }

        return Object([.. fields]);
    }

    /// <summary>
    /// An else rule's head is a copy of the first rule's, with its own value. OPA gives wildcard arguments fresh
    /// names when it copies them, and keeps the first head's <c>:=</c> when the else writes no value.
    /// </summary>
    private Value Else(Rule rule, HeadFields parent)
    {
        var arguments = parent.Arguments is null
            ? null
            : rule.Head.Arguments!.Select((argument, i) => argument is VarTerm { IsWildcard: true } ? NextWildcard() : parent.Arguments[i]).ToList();
        var value = Term(rule.Head.Value!);
        var assign = rule.Head.ImplicitValue ? parent.Assign : rule.Head.Assign;
        var head = parent with { Arguments = arguments, Value = value, Assign = assign };
        var fields = new List<(string, Value)> { ("head", head.ToValue()), ("body", RuleBody(rule)) };
        if (rule.Else is { } next)
        {
            fields.Add(("else", Else(next, parent)));
        }

        return Object([.. fields]);
    }

    /// <summary>A rule written without a body (a constant, a default, <c>p contains x</c>) has the body <c>true</c>.</summary>
    private Value RuleBody(Rule rule) =>
        rule.Body.IsEmpty && !rule.HasIfKeyword
            ? ArrayValue.Of(Object(("index", NumberValue.Zero), ("terms", TrueTerm)))
            : Body(rule.Body);

    private Value NextWildcard() => Term("var", StringValue.Of("$" + _wildcards++));

    private static ObjectValue Term(string type, Value value) => Object(("type", StringValue.Of(type)), ("value", value));

    private static ObjectValue Object(params (string Key, Value Value)[] fields) => ObjectValue.Of(fields);
}
