using System.Text;

namespace Palisade.Rego.Values;

public sealed class NullValue : Value
{
    public static readonly NullValue Instance = new();

    private NullValue()
    {
    }

    public override ValueKind Kind => ValueKind.Null;

    public override bool Equals(Value? other) => other is NullValue;

    public override int GetHashCode() => 0x6e756c6c;

    internal override void WriteTerm(StringBuilder builder) => builder.Append("null");

    private protected override int CompareSameKind(Value other) => 0;
}
