namespace Palisade.Rego.Ast;

public enum RuleKind
{
    /// <summary>One value per (ref) path: <c>p := 1</c>, <c>p if …</c>, <c>a.b[x] := y</c>, v0 <c>p[k] = v</c>.</summary>
    SingleValue,

    /// <summary>A partial set: <c>p contains x</c>, v0 <c>p[x] { … }</c>.</summary>
    MultiValue,

    /// <summary>A function: <c>f(x) := y</c>, <c>f(x) if …</c>.</summary>
    Function,
}
