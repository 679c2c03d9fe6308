namespace Palisade.Rego.Ast;

public sealed record ArrayComprehension(Term Head, Body Body, Location Location) : Term(Location);

public sealed record SetComprehension(Term Head, Body Body, Location Location) : Term(Location);

public sealed record ObjectComprehension(Term Key, Term Value, Body Body, Location Location) : Term(Location);
