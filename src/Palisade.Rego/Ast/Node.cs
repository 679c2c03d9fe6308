namespace Palisade.Rego.Ast;

/// <summary>Base of every syntax node: each knows where it came from and prints itself as Rego.</summary>
public abstract record Node(Location Location)
{
    public sealed override string ToString() => RegoPrinter.Print(this);
}
