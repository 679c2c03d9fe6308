using System.Globalization;
using System.Text;

namespace Palisade.Policy.Conftest.Settings;

/// <summary>
/// A conftest configuration file (<c>conftest.toml</c>): top-level <c>key = value</c> lines, where a value is a
/// string, a boolean, a number or an array of strings. Keys are <c>palisade test</c>'s flag names without dashes.
/// Every value is kept as text (booleans as <c>true</c>/<c>false</c>), as the flag would have received it.
/// </summary>
public sealed record ConfigFile(string Name, IReadOnlyDictionary<string, IReadOnlyList<string>> Values)
{
    public static readonly ConfigFile Empty = new("", new Dictionary<string, IReadOnlyList<string>>());

    public static ConfigFile Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConftestException(null, $"{path}: cannot read the configuration file: {ex.Message}");
        }

        return Parse(path, text);
    }

    /// <summary>Parses the TOML subset conftest's files use; anything else is an error naming the file and line.</summary>
    public static ConfigFile Parse(string name, string text)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = new LineReader(name, i + 1, lines[i].TrimEnd('\r'));
            line.SkipSpace();
            if (line.AtEnd)
            {
                continue;
            }

            var key = line.Key();
            line.SkipSpace();
            line.Expect('=');
            line.SkipSpace();
            IReadOnlyList<string> value = line.Peek == '[' ? line.Array() : [line.Scalar()];
            line.SkipSpace();
            if (!line.AtEnd)
            {
                throw line.Error("unexpected text after the value");
            }

            if (!values.TryAdd(key, value))
            {
                throw line.Error($"key '{key}' is set twice");
            }
        }

        return new ConfigFile(name, values);
    }

    /// <summary>One line of the file, read left to right; a <c>#</c> outside a string ends it.</summary>
    private sealed class LineReader(string file, int number, string text)
    {
        private int position;

        public bool AtEnd => position >= text.Length || text[position] == '#';

        public char Peek => position < text.Length ? text[position] : '\0';

        public void SkipSpace()
        {
            while (position < text.Length && text[position] is ' ' or '\t')
            {
                position++;
            }
        }

        public void Expect(char c)
        {
            if (Peek != c)
            {
                throw Error($"expected '{c}'");
            }

            position++;
        }

        public string Key()
        {
            if (Peek is '"' or '\'')
            {
                return Quoted();
            }

            var start = position;
            while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] is '-' or '_'))
            {
                position++;
            }

            if (position == start)
            {
                throw Error(Peek == '[' ? "tables are not supported; settings are top-level keys" : "expected a key");
            }

            return text[start..position];
        }

        public IReadOnlyList<string> Array()
        {
            Expect('[');
            var items = new List<string>();
            while (true)
            {
                SkipSpace();
                if (Peek == ']')
                {
                    position++;
                    return items;
                }

                if (Peek is not ('"' or '\''))
                {
                    throw Error(position >= text.Length ? "arrays must end on the line they start" : "array items must be strings");
                }

                items.Add(Quoted());
                SkipSpace();
                if (Peek == ',')
                {
                    position++;
                }
                else if (Peek != ']')
                {
                    throw Error("expected ',' or ']' in the array");
                }
            }
        }

        public string Scalar()
        {
            if (Peek is '"' or '\'')
            {
                return Quoted();
            }

            var start = position;
            while (position < text.Length && text[position] is not (' ' or '\t' or '#'))
            {
                position++;
            }

            var word = text[start..position];
            if (word is "true" or "false")
            {
                return word;
            }

            var number = word.Replace("_", string.Empty, StringComparison.Ordinal);
            if (number.Length > 0 && double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return number;
            }

            throw Error(word.Length == 0 ? "expected a value" : $"'{word}' is not a string, boolean, number or array");
        }

        private string Quoted()
        {
            var quote = text[position++];
            var value = new StringBuilder();
            while (position < text.Length && text[position] != quote)
            {
                var c = text[position++];
                if (c == '\\' && quote == '"')
                {
                    value.Append(Escape());
                }
                else
                {
                    value.Append(c);
                }
            }

            if (position >= text.Length)
            {
                throw Error("unterminated string");
            }

            position++;
            return value.ToString();
        }

        private string Escape()
        {
            var c = position < text.Length ? text[position++] : '\0';
            return c switch
            {
                '"' => "\"",
                '\\' => "\\",
                'n' => "\n",
                't' => "\t",
                'r' => "\r",
                'b' => "\b",
                'f' => "\f",
                'u' or 'U' => Unicode(c == 'u' ? 4 : 8),
                _ => throw Error($"unknown escape '\\{c}'"),
            };
        }

        private string Unicode(int digits)
        {
            if (position + digits > text.Length
                || !int.TryParse(text.AsSpan(position, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code)
                || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
            {
                throw Error("bad unicode escape");
            }

            position += digits;
            return char.ConvertFromUtf32(code);
        }

        public ConftestException Error(string message) => new(null, $"{file}:{number}: {message}");
    }
}
