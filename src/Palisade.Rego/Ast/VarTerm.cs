namespace Palisade.Rego.Ast;

/// <summary>A variable; <c>_</c> is the wildcard, which the compiler renames per occurrence.</summary>
public sealed record VarTerm(string Name, Location Location) : Term(Location)
{
    public bool IsWildcard => Name == "_";
}
