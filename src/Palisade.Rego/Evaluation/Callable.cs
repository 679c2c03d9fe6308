using Palisade.Rego.Ast;
using Palisade.Rego.Builtins;
using Palisade.Rego.Compilation;

namespace Palisade.Rego.Evaluation;

/// <summary>What a call invokes: a user function (<paramref name="Node"/>), a builtin, or a fixed value a with put in its place.</summary>
/// <param name="Unmocks">The function a with replaced by this one, which inside it means the original again.</param>
internal sealed record Callable(string Name, int Arity, RuleTree? Node, BuiltinFunction? Builtin, Term? FixedValue, string? Unmocks = null);
