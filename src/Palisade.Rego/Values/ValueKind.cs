namespace Palisade.Rego.Values;

/// <summary>The kinds of Rego values, in OPA's sort order: values of a lower kind sort before any of a higher kind.</summary>
public enum ValueKind
{
    Null = 0,
    Boolean = 1,
    Number = 2,
    String = 3,
    Array = 6,
    Object = 7,
    Set = 8,
}
