using Palisade.Rego.Values;

namespace Palisade.Rego.Ast.Json;

internal sealed partial class AstJsonWriter
{
    private ArrayValue Body(Body body) => ArrayValue.Of(body.Expressions.Select((expr, i) => Expr(expr, i)));

    /// <summary>
    /// An expression: a call's terms are an array (operator first), any other term is one term object, and
    /// <c>some</c> and <c>every</c> are objects of their own.
    /// </summary>
    private ObjectValue Expr(Expr expr, int index)
    {
        Value terms = expr.Content switch
        {
            CallTerm call => CallElements(call),
            Term term => Term(term),
            SomeDecl some => Object(("symbols", ArrayValue.Of(some.Symbols.Select(Term)))),
            Every every => Every(every),
            _ => throw new InvalidOperationException($"unexpected expression content {expr.Content.GetType().Name}"),
        };
        var fields = new List<(string, Value)> { ("index", NumberValue.Of(index)), ("terms", terms) };
        if (expr.Negated)
        {
            fields.Add(("negated", BooleanValue.True));
        }

        if (expr.With.Count > 0)
        {
            fields.Add(("with", ArrayValue.Of(expr.With.Select(w => Object(("target", Term(w.Target)), ("value", Term(w.Value)))))));
        }

        return Object([.. fields]);
    }

    private ObjectValue Every(Every every)
    {
        Value key = every.Key is null ? NullValue.Instance : Term(every.Key);
        var value = Term(every.Value);
        var domain = Term(every.Domain);
        return Object(("key", key), ("value", value), ("domain", domain), ("body", Body(every.Body)));
    }

    private Value Term(Term term) => term switch
    {
        ScalarTerm scalar => Scalar(scalar.Value),
        VarTerm { IsWildcard: true } => NextWildcard(),
        VarTerm variable => Term("var", StringValue.Of(variable.Name)),

        // The parser keeps a lone data or input as a ref; OPA's parser leaves it a var.
        RefTerm { Path.Count: 0 } reference => Term(reference.Head),
        RefTerm reference => Term("ref", RefElements(reference)),
        CallTerm call => Term("call", CallElements(call)),
        ArrayTerm array => Term("array", ArrayValue.Of(array.Items.Select(Term))),
        SetTerm set => Term("set", ArrayValue.Of(AstSortKey.SortDistinct(set.Items.Select(Term).ToList()))),
        ObjectTerm obj => Term("object", ObjectPairs(obj)),
        ArrayComprehension comprehension => Term("arraycomprehension", Comprehension(comprehension.Head, comprehension.Body)),
        SetComprehension comprehension => Term("setcomprehension", Comprehension(comprehension.Head, comprehension.Body)),
        ObjectComprehension comprehension => Term("objectcomprehension", ObjectComprehension(comprehension)),
        TemplateStringTerm template => Term("templatestring", Template(template)),
        _ => throw new InvalidOperationException($"unexpected term {term.GetType().Name}"),
    };

    /// <summary>OPA's null term carries an empty object as its value.</summary>
    private static ObjectValue Scalar(Value value) => value switch
    {
        NullValue => Term("null", ObjectValue.Empty),
        BooleanValue => Term("boolean", value),
        NumberValue => Term("number", value),
        _ => Term("string", value),
    };

    /// <summary>A ref as OPA's <c>Ref</c> marshals: its head term, then each path term.</summary>
    private ArrayValue RefElements(RefTerm reference)
    {
        var elements = new List<Value>(reference.Path.Count + 1) { Term(reference.Head) };
        elements.AddRange(reference.Path.Select(Term));
        return ArrayValue.Of(elements);
    }

    /// <summary>The operator, always a ref (<c>eq</c> is the ref <c>[eq]</c>), then the arguments.</summary>
    private ArrayValue CallElements(CallTerm call)
    {
        var elements = new List<Value>(call.Arguments.Count + 1) { Term("ref", RefElements(call.Operator)) };
        elements.AddRange(call.Arguments.Select(Term));
        return ArrayValue.Of(elements);
    }

    /// <summary>Key/value pairs sorted by key; a key written twice keeps its last value, as OPA's object insert does.</summary>
    private ArrayValue ObjectPairs(ObjectTerm obj)
    {
        var pairs = obj.Items.Select(item => (Key: Term(item.Key), Value: Term(item.Value))).ToList();
        var byKey = new Dictionary<Value, Value>();
        foreach (var (key, value) in pairs)
        {
            byKey[AstSortKey.Of(key)] = value;
        }

        var keys = AstSortKey.SortDistinct(pairs.Select(p => p.Key).ToList());
        return ArrayValue.Of(keys.Select(key => (Value)ArrayValue.Of(key, byKey[AstSortKey.Of(key)])));
    }

    private ObjectValue Comprehension(Term head, Body body)
    {
        var term = Term(head);
        return Object(("term", term), ("body", Body(body)));
    }

    private ObjectValue ObjectComprehension(ObjectComprehension comprehension)
    {
        var key = Term(comprehension.Key);
        var value = Term(comprehension.Value);
        return Object(("key", key), ("value", value), ("body", Body(comprehension.Body)));
    }

    /// <summary>Literal text is a string term; each embedded expression is an expression of its own.</summary>
    private ObjectValue Template(TemplateStringTerm template)
    {
        var parts = template.Parts.Select(part => part.Expression is { } expr ? Expr(expr, 0) : Scalar(StringValue.Of(part.Text!)));
        return Object(("parts", ArrayValue.Of(parts.ToList())), ("multi_line", BooleanValue.Of(template.MultiLine)));
    }
}
