namespace Palisade.Rego.Ast;

/// <summary>
/// Where a node starts in its source (1-based line and column), with the span of source text it covers so that
/// error messages can quote it. A struct: every node has one, and they should not cost an allocation each.
/// </summary>
public readonly record struct Location(string File, int Line, int Column, int Offset = 0, int Length = 0)
{
    public static readonly Location None = new(string.Empty, 0, 0);

    /// <summary>The source text this location covers, cut from the text it was parsed from.</summary>
    public string Text(string source) =>
        Offset >= 0 && Length > 0 && Offset + Length <= source.Length ? source.Substring(Offset, Length) : string.Empty;

    public override string ToString() => File.Length > 0 ? $"{File}:{Line}" : $"{Line}:{Column}";
}
