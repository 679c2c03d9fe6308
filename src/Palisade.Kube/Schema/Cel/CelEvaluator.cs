namespace Palisade.Kube.Schema.Cel;

/// <summary>
/// Evaluates a checked CEL expression. Errors are exceptions; <c>&amp;&amp;</c>, <c>||</c> and the all/exists macros
/// absorb an error when the other side decides the result, as CEL's commutative logic does. Each evaluation has a
/// step budget, so a hostile rule or a huge object cannot make a check run for long.
/// </summary>
internal sealed class CelEvaluator
{
    private readonly List<(string Name, object Value)> _scope = [];
    private long _budget;

    private CelEvaluator(long budget) => _budget = budget;

    public static object Evaluate(CelExpr expr, IReadOnlyDictionary<string, object> variables, long budget)
    {
        var evaluator = new CelEvaluator(budget);
        foreach (var (name, value) in variables)
        {
            evaluator._scope.Add((name, value));
        }

        return evaluator.Eval(expr);
    }

    private object Eval(CelExpr expr)
    {
        if (--_budget < 0)
        {
            throw new CelEvaluationException("the rule ran over its evaluation budget");
        }

        return expr switch
        {
            CelLiteral literal => literal.Value,
            CelIdent ident => Lookup(ident.Name),
            CelSelect select => Select(select),
            CelIndex index => Index(Eval(index.Operand), Eval(index.Index)),
            CelCall call => CelFunctions.Call(call.Function, call.Target is null ? null : Eval(call.Target), call.Args.Select(Eval).ToList()),
            CelUnary { Operator: "!" } unary => !AsBool(Eval(unary.Operand), "!"),
            CelUnary unary => CelOperators.Negate(Eval(unary.Operand)),
            CelBinary { Operator: "&&" } binary => Logical(binary, absorbing: false),
            CelBinary { Operator: "||" } binary => Logical(binary, absorbing: true),
            CelBinary binary => Binary(binary.Operator, Eval(binary.Left), Eval(binary.Right)),
            CelConditional conditional => AsBool(Eval(conditional.Condition), "?:") ? Eval(conditional.Then) : Eval(conditional.Else),
            CelListLiteral list => new CelArrayList(list.Items.Select(Eval).ToList()),
            CelMapLiteral map => new CelLiteralMap(map.Entries.Select(e => (Eval(e.Key), Eval(e.Value))).ToList()),
            CelComprehension comprehension => Comprehend(comprehension),
            _ => throw new CelEvaluationException($"cannot evaluate {expr.GetType().Name}"),
        };
    }

    private object Lookup(string name)
    {
        for (var i = _scope.Count - 1; i >= 0; i--)
        {
            if (_scope[i].Name == name)
            {
                return _scope[i].Value;
            }
        }

        throw new CelEvaluationException($"undeclared reference to '{name}'");
    }

    private object Select(CelSelect select)
    {
        var operand = Eval(select.Operand);
        if (operand is not CelMap map)
        {
            throw new CelEvaluationException($"type '{CelTypes.NameOf(operand)}' has no field '{select.Field}'");
        }

        var found = map.TryGet(select.Field, out var value);
        if (select.TestOnly)
        {
            return found;
        }

        return found ? value : throw new CelEvaluationException($"no such key: {select.Field}");
    }

    private static object Index(object operand, object index)
    {
        switch (operand)
        {
            case CelList list when index is long i:
                return i >= 0 && i < list.Count ? list[(int)i] : throw new CelEvaluationException($"index {i} out of range for a list of {list.Count}");
            case CelList list when index is double d && Math.Floor(d) == d && d >= 0 && d < list.Count:
                return list[(int)d];
            case CelMap map:
                return map.TryGet(index, out var value) ? value : throw new CelEvaluationException($"no such key: {index}");
            default:
                throw CelOperators.NoOverload("[]", operand, index);
        }
    }

    private bool Logical(CelBinary binary, bool absorbing)
    {
        CelEvaluationException? leftError = null;
        try
        {
            if (AsBool(Eval(binary.Left), binary.Operator) == absorbing)
            {
                return absorbing;
            }
        }
        catch (CelEvaluationException ex)
        {
            leftError = ex;
        }

        var right = AsBool(Eval(binary.Right), binary.Operator);
        if (right == absorbing)
        {
            return absorbing;
        }

        return leftError is null ? right : throw leftError;
    }

    private static object Binary(string op, object left, object right) => op switch
    {
        "==" => CelOperators.AreEqual(left, right),
        "!=" => !CelOperators.AreEqual(left, right),
        "<" => CelOperators.Compare(left, right, op) < 0,
        "<=" => CelOperators.Compare(left, right, op) <= 0,
        ">" => CelOperators.Compare(left, right, op) > 0,
        ">=" => CelOperators.Compare(left, right, op) >= 0,
        "in" => In(left, right),
        _ => CelOperators.Arithmetic(op, left, right),
    };

    private static bool In(object item, object container) => container switch
    {
        CelList list => list.Items().Any(x => CelOperators.AreEqual(x, item)),
        CelMap map => map.TryGet(item, out _),
        _ => throw CelOperators.NoOverload("in", item, container),
    };

    private object Comprehend(CelComprehension c)
    {
        var range = Eval(c.Range);
        var items = range switch
        {
            CelList list => list.Items(),
            CelMap map => map.Keys,
            _ => throw new CelEvaluationException($"{c.Macro}() needs a list or a map, not {CelTypes.NameOf(range)}"),
        };

        var results = new List<object>();
        CelEvaluationException? error = null;
        var matches = 0;
        foreach (var item in items)
        {
            _scope.Add((c.Variable, item));
            try
            {
                if (c.Macro == "map")
                {
                    results.Add(Eval(c.Body));
                    continue;
                }

                var holds = AsBool(Eval(c.Body), c.Macro + "()");
                switch (c.Macro)
                {
                    case "all" when !holds:
                        return false;
                    case "exists" when holds:
                        return true;
                    case "exists_one" when holds:
                        matches++;
                        break;
                    case "filter" when holds:
                        results.Add(item);
                        break;
                }
            }
            catch (CelEvaluationException ex) when (c.Macro is "all" or "exists")
            {
                error ??= ex;
            }
            finally
            {
                _scope.RemoveAt(_scope.Count - 1);
            }
        }

        if (error is not null)
        {
            throw error;
        }

        return c.Macro switch
        {
            "all" => true,
            "exists" => false,
            "exists_one" => matches == 1,
            _ => new CelArrayList(results),
        };
    }

    private static bool AsBool(object value, string op) =>
        value is bool b ? b : throw new CelEvaluationException($"no such overload: {op} on {CelTypes.NameOf(value)}");
}
