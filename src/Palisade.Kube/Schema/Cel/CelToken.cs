namespace Palisade.Kube.Schema.Cel;

internal enum CelTokenKind
{
    Int,
    Double,
    String,
    Identifier,
    Punctuation,
    End,
}

/// <summary>One token of a CEL expression; <see cref="Value"/> holds a literal's value (long, double or string).</summary>
internal readonly record struct CelToken(CelTokenKind Kind, string Text, object? Value, int Position)
{
    public bool Is(string punctuation) => Kind == CelTokenKind.Punctuation && Text == punctuation;
}
