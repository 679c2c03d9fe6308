using Palisade.Rego.Values;

namespace Palisade.Rego.Parsing;

/// <summary>
/// One string (and one string value) per distinct name in a parse: the same variables and ref segments recur
/// throughout a module, and looking them up by span avoids allocating a copy per occurrence.
/// </summary>
internal sealed class NameTable
{
    private readonly Dictionary<string, StringValue> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StringValue>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public NameTable() => _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Name(ReadOnlySpan<char> text) => Value(text).Value;

    public StringValue Value(ReadOnlySpan<char> text)
    {
        if (!_lookup.TryGetValue(text, out var value))
        {
            var name = text.ToString();
            value = StringValue.Of(name);
            _names.Add(name, value);
        }

        return value;
    }
}
