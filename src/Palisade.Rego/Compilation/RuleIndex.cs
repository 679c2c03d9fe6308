using Palisade.Rego.Ast;
using Palisade.Rego.Values;

namespace Palisade.Rego.Compilation;

/// <summary>
/// Rules at one path that each test the same input field against a constant (<c>input.kind == "Pod"</c>), indexed
/// by that constant: evaluation reads the field once and runs only the rules that can match, as OPA's rule index does.
/// A rule without such a test, or with an else chain, is a candidate for every value.
/// </summary>
internal sealed class RuleIndex
{
    // Fewer conditioned rules than this are cheaper to run than to look up.
    private const int MinimumIndexedRules = 2;

    private readonly Dictionary<Value, CompiledRule[]> _byValue;
    private readonly CompiledRule[] _unconditioned;

    private RuleIndex(RefTerm field, Dictionary<Value, CompiledRule[]> byValue, CompiledRule[] unconditioned)
    {
        Field = field;
        _byValue = byValue;
        _unconditioned = unconditioned;
    }

    /// <summary>The input field the rules test: a ref under input with constant steps.</summary>
    public RefTerm Field { get; }

    /// <summary>The rules that may hold when the field has this value (null: the field is undefined), in rule order.</summary>
    public IReadOnlyList<CompiledRule> Candidates(Value? fieldValue) =>
        fieldValue is not null && _byValue.TryGetValue(fieldValue, out var rules) ? rules : _unconditioned;

    /// <summary>An index over the rules, or null when no field is tested by enough of them.</summary>
    public static RuleIndex? Build(IReadOnlyList<CompiledRule> rules)
    {
        var tests = rules.Select(rule => rule.Else is null && rule.Shape != RuleShape.Function ? FieldTests(rule.Body) : []).ToList();
        var field = tests
            .SelectMany(ruleTests => ruleTests.Select(t => t.Field).Distinct())
            .GroupBy(f => f)
            .Where(g => g.Count() >= MinimumIndexedRules)
            .OrderByDescending(g => g.Count())
            .Select(g => g.Key)
            .FirstOrDefault();
        if (field is null)
        {
            return null;
        }

        var constants = tests.Select(ruleTests => ruleTests.FirstOrDefault(t => t.Field == field).Constant).ToList();
        var byValue = new Dictionary<Value, CompiledRule[]>();
        foreach (var value in constants.OfType<Value>().Distinct())
        {
            byValue[value] = rules.Where((_, i) => constants[i] is null || constants[i]!.Equals(value)).ToArray();
        }

        var unconditioned = rules.Where((_, i) => constants[i] is null).ToArray();
        var fieldRef = tests.SelectMany(t => t).First(t => t.Field == field).Ref;
        return new RuleIndex(fieldRef, byValue, unconditioned);
    }

    /// <summary>The body's top-level tests of a constant input field against a constant, keyed by the field's text.</summary>
    private static List<(string Field, RefTerm Ref, Value Constant)> FieldTests(Body body)
    {
        var found = new List<(string, RefTerm, Value)>();
        foreach (var expr in body.Expressions)
        {
            if (expr.Negated || expr.With.Count > 0 || expr.Content is not CallTerm { Name: Operators.Equal or Operators.Unify, Arguments: [var left, var right] })
            {
                continue;
            }

            var (reference, constant) = left is ScalarTerm ? (right, left) : (left, right);
            if (reference is RefTerm { Head: VarTerm { Name: "input" } } field && field.Path.All(step => step is ScalarTerm) &&
                constant is ScalarTerm { Value: var value })
            {
                found.Add((field.ToString(), field, value));
            }
        }

        return found;
    }
}
