using System.Text.RegularExpressions;

namespace Palisade.Policy.Gatekeeper.Suites;

/// <summary>
/// gator's assertion: of the violations whose message matches <see cref="Message"/> (all of them when unset), there
/// must be exactly <see cref="Count"/>, or at least one (<c>yes</c>, the default), or none (<c>no</c>).
/// </summary>
public sealed record ViolationAssertion(string Violations, Regex? Message)
{
    public const string Yes = "yes";
    public const string No = "no";

    /// <summary>The failure message, or null when the assertion holds.</summary>
    public string? Check(IReadOnlyList<Violation> violations)
    {
        var matching = violations.Count(v => Message is null || Message.IsMatch(v.Message));
        var containing = Message is null ? string.Empty : $" containing \"{Message}\"";
        var failure = Violations switch
        {
            Yes when matching == 0 => $"got {matching} violations{containing} but want at least 1",
            No when matching > 0 => $"got {matching} violations{containing} but want none",
            Yes or No => null,
            _ when int.Parse(Violations, System.Globalization.CultureInfo.InvariantCulture) != matching =>
                $"got {matching} violations{containing} but want exactly {Violations}",
            _ => null,
        };
        return failure is null
            ? null
            : $"unexpected number of violations: {failure}: got messages [{string.Join(' ', violations.Select(v => v.Message))}]";
    }
}
