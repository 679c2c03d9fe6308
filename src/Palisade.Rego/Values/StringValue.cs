using System.Text;

namespace Palisade.Rego.Values;

/// <summary>A string. Strings order by Unicode code point, as OPA's (UTF-8 byte) order does, not by UTF-16 unit.</summary>
public sealed class StringValue : Value
{
    public static readonly StringValue Empty = new("");

    private int _hash;

    public StringValue(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    public string Value { get; }

    public override ValueKind Kind => ValueKind.String;

    public static StringValue Of(string value) => value.Length == 0 ? Empty : new StringValue(value);

    public static int CompareCodePoints(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            var x = a[i];
            var y = b[i];
            if (x == y)
            {
                continue;
            }

            // UTF-16 order agrees with code point order except that surrogates (U+D800–DFFF, which encode code points
            // above U+FFFF) sort below U+E000–FFFF; lift them above to get code point order.
            return Lift(x).CompareTo(Lift(y));
        }

        return a.Length.CompareTo(b.Length);

        static int Lift(char c) => char.IsSurrogate(c) ? c + 0x10000 : c;
    }

    public override bool Equals(Value? other) =>
        other is StringValue s && (ReferenceEquals(s, this) || (GetHashCode() == s.GetHashCode() && string.Equals(s.Value, Value, StringComparison.Ordinal)));

    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            var hash = string.GetHashCode(Value, StringComparison.Ordinal);
            _hash = hash == 0 ? 1 : hash;
        }

        return _hash;
    }

    internal override void WriteTerm(StringBuilder builder) => GoQuote.WriteString(builder, Value);

    private protected override int CompareSameKind(Value other) => CompareCodePoints(Value, ((StringValue)other).Value);
}
