namespace Palisade.Kube.Schema.Cel;

/// <summary>A node of a parsed CEL expression; <see cref="Position"/> is its offset in the rule, for messages.</summary>
internal abstract record CelExpr(int Position);

/// <summary>An int (long), double, string, bool or null literal.</summary>
internal sealed record CelLiteral(object Value, int Position) : CelExpr(Position);

internal sealed record CelIdent(string Name, int Position) : CelExpr(Position);

/// <summary><c>a.b</c>; with <see cref="TestOnly"/>, the <c>has(a.b)</c> macro: is the field there?</summary>
internal sealed record CelSelect(CelExpr Operand, string Field, bool TestOnly, int Position) : CelExpr(Position);

internal sealed record CelIndex(CelExpr Operand, CelExpr Index, int Position) : CelExpr(Position);

/// <summary>A function call: global (<c>size(x)</c>) when <see cref="Target"/> is null, else a method (<c>x.contains(y)</c>).</summary>
internal sealed record CelCall(CelExpr? Target, string Function, IReadOnlyList<CelExpr> Args, int Position) : CelExpr(Position);

internal sealed record CelUnary(string Operator, CelExpr Operand, int Position) : CelExpr(Position);

internal sealed record CelBinary(string Operator, CelExpr Left, CelExpr Right, int Position) : CelExpr(Position);

internal sealed record CelConditional(CelExpr Condition, CelExpr Then, CelExpr Else, int Position) : CelExpr(Position);

internal sealed record CelListLiteral(IReadOnlyList<CelExpr> Items, int Position) : CelExpr(Position);

internal sealed record CelMapLiteral(IReadOnlyList<(CelExpr Key, CelExpr Value)> Entries, int Position) : CelExpr(Position);

/// <summary>A comprehension macro over a list (its items) or a map (its keys): all, exists, exists_one, filter, map.</summary>
internal sealed record CelComprehension(string Macro, CelExpr Range, string Variable, CelExpr Body, int Position) : CelExpr(Position);
