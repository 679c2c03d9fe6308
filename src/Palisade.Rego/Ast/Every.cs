namespace Palisade.Rego.Ast;

/// <summary><c>every k, v in domain { body }</c>; <see cref="Key"/> is null for <c>every v in domain</c>.</summary>
public sealed record Every(Term? Key, Term Value, Term Domain, Body Body, Location Location) : Node(Location);
