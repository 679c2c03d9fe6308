namespace Palisade.Rego.Ast;

public sealed record ArrayTerm(IReadOnlyList<Term> Items, Location Location) : Term(Location);

/// <summary>A set literal; <c>set()</c> is the empty set (<c>{}</c> is the empty object).</summary>
public sealed record SetTerm(IReadOnlyList<Term> Items, Location Location) : Term(Location);

public sealed record ObjectTerm(IReadOnlyList<ObjectItem> Items, Location Location) : Term(Location);

public sealed record ObjectItem(Term Key, Term Value);
