using System.Text;
using Palisade.Kube.Manifests;
using Palisade.Rego.Values;
using Tomlyn;
using Tomlyn.Model;

namespace Palisade.Policy.Conftest;

/// <summary>
/// TOML inputs, as conftest's TOML parser hands them to rules: tables are objects, arrays and arrays of tables are
/// arrays, integers and floats numbers, date-times their RFC 3339 text. Nesting is bounded, so a hostile file ends in
/// an error rather than a stack overflow.
/// </summary>
public static class TomlInput
{
    private const int MaxDepth = 256;

    /// <summary>The document as one value; invalid TOML is a <see cref="ConftestException"/> naming the file, line and column.</summary>
    public static Value Parse(string displayPath, byte[] bytes)
    {
        TomlTable table;
        try
        {
            table = TomlSerializer.Deserialize<TomlTable>(Encoding.UTF8.GetString(bytes), new TomlSerializerOptions { MaxDepth = MaxDepth, SourceName = displayPath })!;
        }
        catch (TomlException ex)
        {
            var span = ex.Span;
            var location = span is { } s ? new SourceLocation(displayPath, s.Start.Line + 1, s.Start.Column + 1) : SourceLocation.OfFile(displayPath);
            throw new ConftestException(location, "invalid TOML: " + FirstLine(ex.Message));
        }

        return ToValue(table, displayPath);
    }

    private static Value ToValue(object? value, string displayPath) => value switch
    {
        TomlTable table => ObjectValue.Of(table.Select(entry => new KeyValuePair<Value, Value>(StringValue.Of(entry.Key), ToValue(entry.Value, displayPath)))),
        TomlTableArray tables => ArrayValue.Of(tables.Select(t => ToValue(t, displayPath))),
        TomlArray array => ArrayValue.Of(array.Select(item => ToValue(item, displayPath))),
        string text => StringValue.Of(text),
        bool flag => BooleanValue.Of(flag),
        long number => NumberValue.Of(number),
        double number when double.IsFinite(number) => NumberValue.Of(number),
        double => throw new ConftestException(SourceLocation.OfFile(displayPath), "invalid TOML: nan and inf have no JSON value for rules to see"),
        TomlDateTime dateTime => StringValue.Of(dateTime.ToString()),
        null => NullValue.Instance,
        _ => StringValue.Of(value.ToString() ?? string.Empty),
    };

    // Tomlyn's message starts with "(line,col) : error : …"; the location is given apart.
    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0];
        var marker = line.IndexOf(": error : ", StringComparison.Ordinal);
        return marker >= 0 ? line[(marker + ": error : ".Length)..] : line;
    }
}
