namespace Palisade.Rego.Ast;

/// <summary>
/// A <c># comment</c>, kept because OPA gives some of them meaning: <c># METADATA</c> blocks are annotations, read by
/// <c>rego.metadata.rule()</c> and <c>rego.metadata.chain()</c>. <see cref="Text"/> excludes the leading <c>#</c>.
/// </summary>
public sealed record Comment(string Text, Location Location) : Node(Location);
