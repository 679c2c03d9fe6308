using System.Text;

namespace Palisade.Rego.Values;

/// <summary>
/// An immutable Rego value. Values have OPA's total order and equality: numbers compare by value (1 == 1.0),
/// strings by Unicode code point, arrays and sets element by element, objects key by key.
/// </summary>
public abstract class Value : IEquatable<Value>, IComparable<Value>
{
    private protected Value()
    {
    }

    public abstract ValueKind Kind { get; }

    /// <summary>OPA's name for the value's type, as <c>type_name</c> returns it.</summary>
    public string TypeName => Kind switch
    {
        ValueKind.Null => "null",
        ValueKind.Boolean => "boolean",
        ValueKind.Number => "number",
        ValueKind.String => "string",
        ValueKind.Array => "array",
        ValueKind.Object => "object",
        _ => "set",
    };

    public static bool operator ==(Value? left, Value? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(Value? left, Value? right) => !(left == right);

    public static bool operator <(Value left, Value right) => left.CompareTo(right) < 0;

    public static bool operator >(Value left, Value right) => left.CompareTo(right) > 0;

    public static bool operator <=(Value left, Value right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Value left, Value right) => left.CompareTo(right) >= 0;

    public int CompareTo(Value? other)
    {
        if (other is null)
        {
            return 1;
        }

        if (ReferenceEquals(this, other))
        {
            return 0;
        }

        return Kind == other.Kind ? CompareSameKind(other) : Kind.CompareTo(other.Kind);
    }

    public abstract bool Equals(Value? other);

    public sealed override bool Equals(object? obj) => obj is Value value && Equals(value);

    public abstract override int GetHashCode();

    /// <summary>The value written as a Rego term: <c>"s"</c>, <c>[1, 2]</c>, <c>{"a": 1}</c>, <c>{1, 2}</c>, <c>set()</c>.</summary>
    public sealed override string ToString()
    {
        var builder = new StringBuilder();
        WriteTerm(builder);
        return builder.ToString();
    }

    internal abstract void WriteTerm(StringBuilder builder);

    /// <summary>Compares with a value of the same kind.</summary>
    private protected abstract int CompareSameKind(Value other);
}
