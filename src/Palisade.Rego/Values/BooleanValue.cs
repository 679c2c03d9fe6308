using System.Text;

namespace Palisade.Rego.Values;

public sealed class BooleanValue : Value
{
    public static readonly BooleanValue True = new(true);
    public static readonly BooleanValue False = new(false);

    private BooleanValue(bool value) => Value = value;

    public bool Value { get; }

    public override ValueKind Kind => ValueKind.Boolean;

    public static BooleanValue Of(bool value) => value ? True : False;

    public override bool Equals(Value? other) => other is BooleanValue b && b.Value == Value;

    public override int GetHashCode() => Value ? 1231 : 1237;

    internal override void WriteTerm(StringBuilder builder) => builder.Append(Value ? "true" : "false");

    private protected override int CompareSameKind(Value other) => Value.CompareTo(((BooleanValue)other).Value);
}
