using Palisade.Rego.Ast;
using Palisade.Rego.Compilation;
using Palisade.Rego.Errors;
using Palisade.Rego.Values;

namespace Palisade.Rego.Evaluation;

internal sealed partial class Evaluator
{
    /// <summary>The value the rules at a node define, computed once per query and context.</summary>
    private Value? RuleValue(RuleTree node)
    {
        if (node.IsFunction)
        {
            return null;
        }

        var key = (node, _context);
        if (_ruleCache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (!_evaluating.Add(key))
        {
            var rule = node.Rules.FirstOrDefault() ?? node.Defaults[0];
            throw new RegoException(ErrorCodes.RecursionError, $"rule {rule.PathText} is recursive", rule.Location);
        }

        try
        {
            var shape = node.Rules.Count > 0 ? node.Rules[0].Shape : RuleShape.Complete;
            var value = shape == RuleShape.Complete ? CompleteValue(node) : PartialValue(node);
            _ruleCache[key] = value;
            return value;
        }
        finally
        {
            _evaluating.Remove(key);
        }
    }

    private Value? CompleteValue(RuleTree node)
    {
        Value? result = null;
        foreach (var rule in CandidateRules(node))
        {
            foreach (var value in RuleResults(rule, null))
            {
                if (result is not null && !result.Equals(value))
                {
                    throw new RegoException(ErrorCodes.ConflictError, "complete rules must not produce multiple outputs", rule.Location);
                }

                result = value;
            }
        }

        return result ?? DefaultValue(node);
    }

    private Value? DefaultValue(RuleTree node) =>
        node.Defaults.Count == 0 ? null : SingleValue(node.Defaults[0].Value!, new Bindings());

    /// <summary>
    /// Values of one rule's head for every solution of its body; the rule's else chain answers when the body has none.
    /// With arguments, the rule is a function definition applied to them.
    /// </summary>
    private List<Value> RuleResults(CompiledRule rule, Value[]? arguments)
    {
        // A rule that reads a rule that reads a rule… recurses here without passing an expression's step.
        Step(rule.Location);
        var results = new List<Value>(1);
        var bindings = RentBindings();
        try
        {
            for (var current = rule; current is not null && results.Count == 0; current = current.Else)
            {
                if (arguments is null || BindArguments(current.Arguments ?? [], arguments, bindings))
                {
                    var head = current.Value ?? True;
                    if (_trace is null)
                    {
                        EvalBody(current.Body, 0, bindings, () => CollectHead(head, bindings, results));
                    }
                    else
                    {
                        TraceRule(current, solution => EvalBody(current.Body, 0, bindings, solution), () => CollectHead(head, bindings, results));
                    }
                }

                bindings.Undo(0);
            }
        }
        finally
        {
            ReturnBindings(bindings);
        }

        return results;
    }

    /// <summary>Adds the head's value for one solution of the body, each distinct value once.</summary>
    private bool CollectHead(Term head, Bindings bindings, List<Value> results)
    {
        if (IsSingle(head, bindings))
        {
            AddDistinct(results, Single(head, bindings));
            return true;
        }

        return EvalTerm(head, bindings, value =>
        {
            AddDistinct(results, value);
            return true;
        });
    }

    private static void AddDistinct(List<Value> results, Value? value)
    {
        if (value is not null && !results.Contains(value))
        {
            results.Add(value);
        }
    }

    /// <summary>
    /// Rule bodies and function calls each need a table of bindings; a stack of emptied ones serves them all, since
    /// each is done with before its caller is.
    /// </summary>
    private Bindings RentBindings() => _freeBindings.Count > 0 ? _freeBindings.Pop() : new Bindings();

    private void ReturnBindings(Bindings bindings)
    {
        bindings.Undo(0);
        _freeBindings.Push(bindings);
    }

    private static readonly ScalarTerm True = new(BooleanValue.True, Location.None);

    private bool BindArguments(IReadOnlyList<Term> parameters, Value[] arguments, Bindings bindings)
    {
        if (parameters.Count != arguments.Length)
        {
            return false;
        }

        for (var i = 0; i < arguments.Length; i++)
        {
            if (!UnifyValue(parameters[i], arguments[i], bindings))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Partial sets and objects, and rules with ref heads: each solution adds an element or an entry. Where a rule's
    /// ref has a variable, OPA evaluates the rules below its path with it, as entries of one document.
    /// </summary>
    private Value PartialValue(RuleTree node)
    {
        var contributions = CandidateRules(node).Select(rule => (Rule: rule, Prefix: Array.Empty<Value>()));
        if (node.Rules.Any(r => r.KeyPath.Count > 0))
        {
            contributions = contributions.Concat(RulesBelow(node, []));
        }

        var document = new PartialDocument(isSet: node.Rules.All(r => r.Shape == RuleShape.MultiValue && r.KeyPath.Count == 0));
        var bindings = RentBindings();
        try
        {
            foreach (var (rule, prefix) in contributions)
            {
                TraceRule(rule, solution => EvalBody(rule.Body, 0, bindings, solution), () => EvalTerms(rule.KeyPath, 0, new Value[rule.KeyPath.Count], bindings, keys =>
                {
                    var path = prefix.Length == 0 ? keys : [.. prefix, .. keys];
                    var isElement = rule.Shape == RuleShape.MultiValue;
                    return EvalTerm(isElement ? rule.Key! : rule.Value ?? True, bindings, leaf =>
                        (isElement ? document.AddElement(path, leaf) : document.AddEntry(path, leaf))
                            ? true
                            : throw new RegoException(ErrorCodes.ConflictError, "object keys must be unique", rule.Location));
                }));
            }
        }
        finally
        {
            ReturnBindings(bindings);
        }

        return document.ToValue();
    }

    /// <summary>The node's rules that may hold for this input: those its index selects, or all of them.</summary>
    private IReadOnlyList<CompiledRule> CandidateRules(RuleTree node) =>
        node.Index is { } index ? index.Candidates(SingleRef(index.Field, _noBindings)) : node.Rules;

    /// <summary>
    /// The rules below a node, with the keys that lead to each. As in OPA, only their main bodies count here: not
    /// their else branches, nor defaults, nor functions.
    /// </summary>
    private static IEnumerable<(CompiledRule Rule, Value[] Prefix)> RulesBelow(RuleTree node, Value[] prefix) =>
        node.Children.OrderBy(c => c.Key, StringComparer.Ordinal).SelectMany(child =>
        {
            Value[] path = [.. prefix, StringValue.Of(child.Key)];
            return child.Value.Rules.Where(r => r.Shape != RuleShape.Function).Select(r => (r, path)).Concat(RulesBelow(child.Value, path));
        });

    /// <summary>A user function applied to arguments: undefined, one value, or a conflict.</summary>
    private Value? CallFunction(RuleTree node, Value[] arguments, Location location)
    {
        Value? result = null;
        foreach (var rule in node.Rules)
        {
            foreach (var value in RuleResults(rule, arguments))
            {
                if (result is not null && !result.Equals(value))
                {
                    throw new RegoException(ErrorCodes.ConflictError, "functions must not produce multiple outputs for same inputs", location);
                }

                result = value;
            }
        }

        if (result is null && node.Defaults.Count > 0)
        {
            var bindings = new Bindings();
            return BindArguments(node.Defaults[0].Arguments ?? [], arguments, bindings) || node.Defaults[0].Arguments is null
                ? SingleValue(node.Defaults[0].Value!, bindings)
                : null;
        }

        return result;
    }
}
