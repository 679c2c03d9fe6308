using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Palisade.Kube.Calico.Selectors;

namespace Palisade.Kube.Kubernetes;

/// <summary>
/// Converts between Calico selectors and Kubernetes label selectors. Kubernetes can express only a conjunction of
/// equalities, set tests and existence tests, so only that part of Calico's language converts.
/// </summary>
public static class LabelSelectorConversion
{
    private const string Cannot = "Kubernetes label selectors cannot express";

    /// <summary>
    /// Converts a Calico selector that means exactly the same as some Kubernetes label selector; otherwise returns
    /// false with the reason. <c>k != 'v'</c> becomes NotIn [v]: both match when the label is absent.
    /// </summary>
    public static bool TryFromCalico(
        Selector selector,
        [NotNullWhen(true)] out LabelSelector? result,
        [NotNullWhen(false)] out string? reason)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var matchLabels = new Dictionary<string, string>(StringComparer.Ordinal);
        var expressions = new List<LabelSelectorRequirement>();
        IReadOnlyList<Selector> terms = selector is AndSelector and ? and.Operands : [selector];

        result = null;
        foreach (var term in terms)
        {
            reason = AddTerm(term, matchLabels, expressions);
            if (reason is not null)
            {
                return false;
            }
        }

        reason = null;
        result = new LabelSelector(matchLabels, expressions);
        return true;
    }

    /// <summary>
    /// The Calico selector that means the same as a Kubernetes label selector: matchLabels (in key order), then the
    /// requirements in their order, joined with &amp;&amp;; <c>all()</c> for the empty selector.
    /// </summary>
    /// <exception cref="ArgumentException">The selector is one the Kubernetes API would refuse (bad key or value, unknown
    /// operator, In/NotIn without values, Exists/DoesNotExist with values).</exception>
    public static Selector ToCalico(LabelSelector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var terms = new List<Selector>();
        foreach (var (key, value) in selector.MatchLabels.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            terms.Add(new EqualsSelector(CheckKey(key), CheckValue(key, value)));
        }

        foreach (var requirement in selector.MatchExpressions)
        {
            terms.Add(ToCalico(requirement));
        }

        return terms.Count == 0 ? AllSelector.Instance : Selector.And(terms);
    }

    private static Selector ToCalico(LabelSelectorRequirement requirement)
    {
        var key = CheckKey(requirement.Key);
        var values = requirement.Values;
        if (requirement.Operator is not (LabelSelectorOperator.In or LabelSelectorOperator.NotIn
            or LabelSelectorOperator.Exists or LabelSelectorOperator.DoesNotExist))
        {
            throw new ArgumentException(
                $"unknown label selector operator '{requirement.Operator}' on '{key}'; Kubernetes knows In, NotIn, Exists and DoesNotExist",
                nameof(requirement));
        }

        var needsValues = requirement.Operator is LabelSelectorOperator.In or LabelSelectorOperator.NotIn;
        if (needsValues && values.Count == 0)
        {
            throw new ArgumentException($"the requirement on '{key}' uses {requirement.Operator} but lists no values", nameof(requirement));
        }

        if (!needsValues && values.Count > 0)
        {
            throw new ArgumentException($"the requirement on '{key}' uses {requirement.Operator}, which takes no values", nameof(requirement));
        }

        foreach (var value in values)
        {
            CheckValue(key, value);
        }

        return requirement.Operator switch
        {
            LabelSelectorOperator.In => new InSelector(key, values),
            LabelSelectorOperator.NotIn => new NotInSelector(key, values),
            LabelSelectorOperator.Exists => new HasSelector(key),
            LabelSelectorOperator.DoesNotExist => Selector.Not(new HasSelector(key)),
            _ => throw new UnreachableException(),
        };
    }

    // Returns why the term cannot be added, or null once it has been.
    private static string? AddTerm(Selector term, Dictionary<string, string> matchLabels, List<LabelSelectorRequirement> expressions)
    {
        var problem = term switch
        {
            AllSelector => null,
            EqualsSelector eq => ProblemWith(eq.Label, [eq.Value]),
            NotEqualsSelector ne => ProblemWith(ne.Label, [ne.Value]),
            InSelector { Values.Count: 0 } => $"{Cannot} an empty set: '{term}' matches nothing, and In needs at least one value",
            SetSelector set => ProblemWith(set.Label, set.Values),
            HasSelector has => ProblemWith(has.Label, []),
            NotSelector { Operand: HasSelector has } => ProblemWith(has.Label, []),
            NotSelector => $"{Cannot} '!' except in front of has()",
            OrSelector => $"{Cannot} '||'",
            ComparisonSelector other => $"{Cannot} '{other.Operator}'",
            GlobalSelector => $"{Cannot} 'global()'",
            _ => $"{Cannot} '{term}'",
        };
        if (problem is not null)
        {
            return problem;
        }

        switch (term)
        {
            // A second equality on the same key cannot share matchLabels; as In [v] it keeps its meaning.
            case EqualsSelector eq when matchLabels.TryGetValue(eq.Label, out var existing):
                if (existing != eq.Value)
                {
                    expressions.Add(new LabelSelectorRequirement(eq.Label, LabelSelectorOperator.In, [eq.Value]));
                }

                break;
            case EqualsSelector eq:
                matchLabels.Add(eq.Label, eq.Value);
                break;
            case NotEqualsSelector ne:
                expressions.Add(new LabelSelectorRequirement(ne.Label, LabelSelectorOperator.NotIn, [ne.Value]));
                break;
            case InSelector set:
                expressions.Add(new LabelSelectorRequirement(set.Label, LabelSelectorOperator.In, set.Values));
                break;

            // "k not in {}" is always true, in Calico as in logic; Kubernetes would refuse NotIn without values.
            case NotInSelector { Values.Count: > 0 } set:
                expressions.Add(new LabelSelectorRequirement(set.Label, LabelSelectorOperator.NotIn, set.Values));
                break;
            case HasSelector has:
                expressions.Add(new LabelSelectorRequirement(has.Label, LabelSelectorOperator.Exists, []));
                break;
            case NotSelector { Operand: HasSelector has }:
                expressions.Add(new LabelSelectorRequirement(has.Label, LabelSelectorOperator.DoesNotExist, []));
                break;
        }

        return null;
    }

    private static string? ProblemWith(string key, IReadOnlyList<string> values) =>
        KeyProblem(key) ?? values.Select(value => ValueProblem(key, value)).FirstOrDefault(problem => problem is not null);

    private static string? KeyProblem(string key) =>
        KubernetesNames.CheckQualifiedName(key) is { } reason ? $"label key \"{key}\" {reason}" : null;

    private static string? ValueProblem(string key, string value) =>
        KubernetesNames.CheckLabelValue(value) is { } reason ? $"label value \"{value}\" (for key \"{key}\") {reason}" : null;

    private static string CheckKey(string key) =>
        KeyProblem(key) is { } problem ? throw new ArgumentException(problem, nameof(key)) : key;

    private static string CheckValue(string key, string value) =>
        ValueProblem(key, value) is { } problem ? throw new ArgumentException(problem, nameof(value)) : value;
}
