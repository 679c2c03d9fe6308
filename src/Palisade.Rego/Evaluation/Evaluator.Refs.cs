using Palisade.Rego.Ast;
using Palisade.Rego.Compilation;
using Palisade.Rego.Values;

namespace Palisade.Rego.Evaluation;

internal sealed partial class Evaluator
{
    private bool EvalRef(RefTerm reference, Bindings bindings, Func<Value, bool> next) => reference.Head switch
    {
        VarTerm { Name: "input" } when !bindings.IsBound("input") =>
            _context.Input is null || Walk(_context.Input, reference.Path, 0, bindings, next),
        VarTerm { Name: "data" } when !bindings.IsBound("data") =>
            EvalData(reference, 0, _policy.Root, [], bindings, next),
        var head => EvalHeadThenWalk(head, reference.Path, bindings, next),
    };

    private bool EvalHeadThenWalk(Term head, IReadOnlyList<Term> path, Bindings bindings, Func<Value, bool> next) =>
        EvalTerm(head, bindings, value => Walk(value, path, 0, bindings, next));

    /// <summary>Follows a ref's path through a value, iterating where the path has an unbound variable.</summary>
    private bool Walk(Value value, IReadOnlyList<Term> path, int index, Bindings bindings, Func<Value, bool> next)
    {
        if (index == path.Count)
        {
            return next(value);
        }

        var segment = path[index];
        if (segment is ScalarTerm constant)
        {
            // The common case, input.a.b: no iteration, no closure.
            return Lookup(value, constant.Value) is not { } child || Walk(child, path, index + 1, bindings, next);
        }

        if (IsUnboundPattern(segment, bindings))
        {
            return WalkMembers(value, segment, path, index, bindings, next);
        }

        if (IsSingle(segment, bindings))
        {
            return Single(segment, bindings) is not { } key || Lookup(value, key) is not { } child || Walk(child, path, index + 1, bindings, next);
        }

        return WalkKeys(value, segment, path, index, bindings, next);
    }

    /// <summary>Iterates a collection, binding the segment's variables to each key in turn.</summary>
    private bool WalkMembers(Value value, Term segment, IReadOnlyList<Term> path, int index, Bindings bindings, Func<Value, bool> next)
    {
        switch (value)
        {
            case ArrayValue array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (!WalkMember(NumberValue.Of(i), array[i], segment, path, index, bindings, next))
                    {
                        return false;
                    }
                }

                return true;
            case ObjectValue obj:
                for (var i = 0; i < obj.Count; i++)
                {
                    if (!WalkMember(obj.Keys[i], obj.Values[i], segment, path, index, bindings, next))
                    {
                        return false;
                    }
                }

                return true;
            case SetValue set:
                foreach (var item in set.Items.ToArray())
                {
                    if (!WalkMember(item, item, segment, path, index, bindings, next))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    private bool WalkMember(Value key, Value item, Term segment, IReadOnlyList<Term> path, int index, Bindings bindings, Func<Value, bool> next)
    {
        var mark = bindings.Mark;
        var go = !UnifyValue(segment, key, bindings) || Walk(item, path, index + 1, bindings, next);
        bindings.Undo(mark);
        return go;
    }

    private bool WalkKeys(Value value, Term segment, IReadOnlyList<Term> path, int index, Bindings bindings, Func<Value, bool> next) =>
        EvalTerm(segment, bindings, key => Lookup(value, key) is not { } child || Walk(child, path, index + 1, bindings, next));

    private static Value? Lookup(Value collection, Value key) => collection switch
    {
        ObjectValue obj => obj.TryGetValue(key, out var value) ? value : null,
        ArrayValue array => key is NumberValue n && n.TryGetInt32(out var i) && n.IsInteger && i >= 0 && i < array.Count ? array[i] : null,
        SetValue set => set.Contains(key) ? key : null,
        _ => null,
    };

    /// <summary>
    /// Follows a ref under data: through the rule tree while the path names nodes, into rule values where rules are
    /// defined, and into base documents elsewhere.
    /// </summary>
    private bool EvalData(RefTerm reference, int index, RuleTree? node, List<string> path, Bindings bindings, Func<Value, bool> next)
    {
        if (_context.HasDataOverrides && TryGetOverride(path, out var replaced))
        {
            return replaced is null || Walk(replaced, reference.Path, index, bindings, next);
        }

        if (node is { HasRules: true } || index == reference.Path.Count)
        {
            return FullValue(node, path) is not { } whole || Walk(whole, reference.Path, index, bindings, next);
        }

        var segment = reference.Path[index];
        if (segment is ScalarTerm { Value: StringValue text })
        {
            return DescendData(reference, index, node, path, text.Value, bindings, next);
        }

        if (node is null && ValuePaths.Get(_data, path) is var baseValue and not ObjectValue)
        {
            // Below the rules, in base data that is no object (an array, a value): ordinary lookups from here.
            return baseValue is null || Walk(baseValue, reference.Path, index, bindings, next);
        }

        if (IsUnboundPattern(segment, bindings))
        {
            return FullValue(node, path) is not { } whole || Walk(whole, reference.Path, index, bindings, next);
        }

        return EvalDataKeys(reference, index, node, path, bindings, next);
    }

    private bool EvalDataKeys(RefTerm reference, int index, RuleTree? node, List<string> path, Bindings bindings, Func<Value, bool> next) =>
        EvalTerm(reference.Path[index], bindings, key => key switch
        {
            // Documents under data have string keys; OPA looks numbers up by their text (data.a[2] is data.a["2"]).
            StringValue s => DescendData(reference, index, node, path, s.Value, bindings, next),
            NumberValue n => DescendData(reference, index, node, path, n.Text, bindings, next),
            _ => FullValue(node, path) is not { } whole || Walk(whole, reference.Path, index, bindings, next),
        });

    private bool DescendData(RefTerm reference, int index, RuleTree? node, List<string> path, string key, Bindings bindings, Func<Value, bool> next)
    {
        var child = node?.Children.GetValueOrDefault(key);
        path.Add(key);
        try
        {
            return EvalData(reference, index + 1, child, path, bindings, next);
        }
        finally
        {
            path.RemoveAt(path.Count - 1);
        }
    }

    /// <summary>
    /// True when a <c>with data…</c> replaced this path or one above it; <paramref name="value"/> is then what the
    /// replacement holds here (null: undefined).
    /// </summary>
    private bool TryGetOverride(List<string> path, out Value? value)
    {
        for (var i = _context.DataOverrides.Count - 1; i >= 0; i--)
        {
            var (target, replacement) = _context.DataOverrides[i];
            if (target.Count <= path.Count && target.SequenceEqual(path.Take(target.Count)))
            {
                value = ValuePaths.Get(replacement, path, target.Count);
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>
    /// The whole document at a path. At a node with rules it is their value alone; elsewhere, base data merged with the
    /// values of the rules below, base data winning where both define a key (as OPA merges them).
    /// </summary>
    private Value? FullValue(RuleTree? node, IReadOnlyList<string> path)
    {
        var result = node is { HasRules: true }
            ? RuleValue(node)
            : MergeBaseAndVirtual(ValuePaths.Get(_data, path), node is null ? null : VirtualValue(node));

        // A with data… below this path replaces that part of the document.
        foreach (var (target, value) in _context.DataOverrides)
        {
            if (target.Count > path.Count && target.Take(path.Count).SequenceEqual(path))
            {
                result = ValuePaths.Set(result, target, path.Count, value);
            }
        }

        return result;
    }

    /// <summary>The values rules define below a node without rules of its own: an object, empty when none is defined.</summary>
    private ObjectValue VirtualValue(RuleTree node)
    {
        var entries = new List<KeyValuePair<Value, Value>>();
        foreach (var child in node.Children.Values)
        {
            if (child.HasVirtualContent && (child.HasRules ? RuleValue(child) : VirtualValue(child)) is { } value)
            {
                entries.Add(new(StringValue.Of(child.Segment!), value));
            }
        }

        return ObjectValue.Of(entries);
    }

    /// <summary>OPA's merge of base and virtual documents: objects merge key by key; otherwise the base value stands.</summary>
    private static Value? MergeBaseAndVirtual(Value? baseValue, Value? virtualValue)
    {
        if (baseValue is null)
        {
            return virtualValue;
        }

        if (baseValue is not ObjectValue baseObject || virtualValue is not ObjectValue virtualObject)
        {
            return baseValue;
        }

        var entries = new List<KeyValuePair<Value, Value>>(baseObject.Count + virtualObject.Count);
        foreach (var (key, value) in baseObject.Entries)
        {
            entries.Add(new(key, virtualObject.TryGetValue(key, out var other) ? MergeBaseAndVirtual(value, other)! : value));
        }

        entries.AddRange(virtualObject.Entries.Where(e => !baseObject.ContainsKey(e.Key)));
        return ObjectValue.Of(entries);
    }
}
