using Palisade.Rego.Ast;
using Palisade.Rego.Values;

namespace Palisade.Rego.Compilation;

/// <summary>How a rule contributes to the document at its path.</summary>
internal enum RuleShape
{
    /// <summary><c>p := v</c>: the whole value.</summary>
    Complete,

    /// <summary><c>p contains x</c>: one element of a set (after <see cref="CompiledRule.KeyPath"/>, if any).</summary>
    MultiValue,

    /// <summary><c>p[k] := v</c>, <c>p.q[k].r := v</c>: one entry of an object, at the key path.</summary>
    Entry,

    /// <summary><c>f(x) := v</c>.</summary>
    Function,
}

/// <summary>
/// A rule ready to evaluate: names resolved to refs, its body ordered so that every variable is bound before it is
/// read. The rule lives at <see cref="Path"/> (package path and the ground prefix of its head) under data.
/// </summary>
internal sealed record CompiledRule(
    Rule Source,
    IReadOnlyList<string> Path,
    RuleShape Shape,
    IReadOnlyList<Term> KeyPath,
    Term? Key,
    Term? Value,
    IReadOnlyList<Term>? Arguments,
    Body Body,
    CompiledRule? Else,
    bool IsDefault)
{
    public string PathText => "data." + string.Join('.', Path);

    /// <summary>
    /// The rule's ref under data as written, variables included (<c>data.a.p.q[x]</c>); a partial set's member is not
    /// part of it. OPA names rules this way in conflict messages.
    /// </summary>
    public RefTerm Ref
    {
        get
        {
            var terms = Path.Select(segment => (Term)new ScalarTerm(StringValue.Of(segment), Location)).ToList();
            var written = Source.Head.Reference.Path;
            terms.AddRange(written.Skip(written.Count - KeyPath.Count));
            return new RefTerm(new VarTerm("data", Location), terms, Location);
        }
    }

    public Location Location => Source.Location;
}
