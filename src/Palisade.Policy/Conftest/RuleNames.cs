using System.Text.RegularExpressions;

namespace Palisade.Policy.Conftest;

/// <summary>Which rules conftest evaluates, and the name an exception uses for each.</summary>
public static partial class RuleNames
{
    public static bool IsFailure(string rule) => FailurePattern().IsMatch(rule);

    public static bool IsWarning(string rule) => WarningPattern().IsMatch(rule);

    public static bool IsChecked(string rule) => IsFailure(rule) || IsWarning(rule);

    /// <summary>
    /// The name an exception lists to exempt <paramref name="rule"/>: the rule without its <c>violation_</c>,
    /// <c>deny_</c> or <c>warn_</c> prefix; the bare rules <c>deny</c>, <c>violation</c> and <c>warn</c> are <c>""</c>.
    /// </summary>
    public static string ExceptionName(string rule)
    {
        if (rule is "deny" or "violation" or "warn")
        {
            return string.Empty;
        }

        foreach (var prefix in (ReadOnlySpan<string>)["violation_", "deny_", "warn_"])
        {
            if (rule.StartsWith(prefix, StringComparison.Ordinal))
            {
                rule = rule[prefix.Length..];
            }
        }

        return rule;
    }

    [GeneratedRegex("^(deny|violation)(_[a-zA-Z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex FailurePattern();

    [GeneratedRegex("^warn(_[a-zA-Z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex WarningPattern();
}
