namespace Palisade.Rego.Types;

/// <summary>
/// The static types the compiler checks builtin calls with, as OPA's type checker knows them: the scalar types, arrays,
/// sets and objects of an element type, unions (<c>AnyOf</c>), and <c>Any</c>.
/// </summary>
public abstract record RegoType
{
    public static readonly RegoType Any = new AnyOfType([]);
    public static readonly RegoType Null = new ScalarType("null");
    public static readonly RegoType Boolean = new ScalarType("boolean");
    public static readonly RegoType Number = new ScalarType("number");
    public static readonly RegoType String = new ScalarType("string");
    public static readonly RegoType Array = ArrayOf(Any);
    public static readonly RegoType Set = SetOf(Any);
    public static readonly RegoType Object = ObjectOf(Any, Any);

    public static RegoType ArrayOf(RegoType element) => new ArrayType(element);

    public static RegoType SetOf(RegoType element) => new SetType(element);

    public static RegoType ObjectOf(RegoType key, RegoType value) => new ObjectType(key, value);

    /// <summary>A union; <c>AnyOf()</c> with no members is <see cref="Any"/>.</summary>
    public static RegoType AnyOf(params RegoType[] members) => new AnyOfType(members);
}

public sealed record ScalarType(string Name) : RegoType
{
    public override string ToString() => Name;
}

public sealed record ArrayType(RegoType Element) : RegoType
{
    public override string ToString() => $"array[{Element}]";
}

public sealed record SetType(RegoType Element) : RegoType
{
    public override string ToString() => $"set[{Element}]";
}

public sealed record ObjectType(RegoType Key, RegoType Value) : RegoType
{
    public override string ToString() => $"object[{Key}: {Value}]";
}

public sealed record AnyOfType(IReadOnlyList<RegoType> Members) : RegoType
{
    public bool IsAny => Members.Count == 0;

    public bool Equals(AnyOfType? other) => other is not null && Members.SequenceEqual(other.Members);

    public override int GetHashCode() => Members.Aggregate(17, (hash, member) => HashCode.Combine(hash, member));

    public override string ToString() => IsAny ? "any" : $"any<{string.Join(", ", Members)}>";
}

/// <summary>A builtin's signature: its argument types and result type.</summary>
public sealed record FunctionSignature(IReadOnlyList<RegoType> Arguments, RegoType Result)
{
    public static FunctionSignature Of(RegoType result, params RegoType[] arguments) => new(arguments, result);

    public bool Equals(FunctionSignature? other) =>
        other is not null && Arguments.SequenceEqual(other.Arguments) && Result.Equals(other.Result);

    public override int GetHashCode() => HashCode.Combine(Arguments.Count, Result);
}
