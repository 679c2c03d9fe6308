namespace Palisade.Rego.Ast;

/// <summary>
/// <c>some x, y</c> (the symbols are vars) or <c>some x in xs</c> / <c>some k, v in xs</c>
/// (a single symbol: the <c>internal.member_2</c> / <c>internal.member_3</c> call).
/// </summary>
public sealed record SomeDecl(IReadOnlyList<Term> Symbols, Location Location) : Node(Location);
