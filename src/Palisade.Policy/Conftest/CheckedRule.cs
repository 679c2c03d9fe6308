using Palisade.Rego;

namespace Palisade.Policy.Conftest;

/// <summary>
/// One distinct failure or warning rule of a namespace, with its two prepared queries: the rule itself
/// (<c>data.main.deny</c>) and the exception that exempts it (<c>data.main.exception[_][_] == "name"</c>).
/// </summary>
public sealed record CheckedRule(string Name, bool IsFailure, string Query, PreparedQuery Prepared, string ExceptionQuery, PreparedQuery PreparedException);

/// <summary>A namespace's rules, and how many rule definitions it has: conftest counts every definition as a test.</summary>
public sealed record CheckedNamespace(string Name, IReadOnlyList<CheckedRule> Rules, int Definitions);
