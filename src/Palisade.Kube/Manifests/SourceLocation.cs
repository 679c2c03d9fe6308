namespace Palisade.Kube.Manifests;

/// <summary>A place in a source file. Line and column are 1-based; a line of 0 means "the file as a whole".</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation OfFile(string file) => new(file, 0, 0);

    public override string ToString() => Line <= 0 ? File : $"{File}:{Line}:{Column}";
}
