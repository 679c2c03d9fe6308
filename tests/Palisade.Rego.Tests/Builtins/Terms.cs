using System.Globalization;
using System.Text;
using Palisade.Rego.Builtins;
using Palisade.Rego.Values;

namespace Palisade.Rego.Tests.Builtins;

/// <summary>
/// Test helpers: Rego literals (JSON plus sets, <c>set()</c> and non-string object keys) read into values, and calls
/// of builtins by name through the default registry.
/// </summary>
internal static class Terms
{
    private static readonly BuiltinContext Context = new(DateTimeOffset.UnixEpoch);

    public static Value V(string text)
    {
        var reader = new Reader(text);
        var value = reader.Read();
        reader.End();
        return value;
    }

    public static Value? Call(string name, params string[] arguments) => Call(name, arguments.Select(V).ToArray());

    public static Value? Call(string name, Value[] arguments)
    {
        Assert.True(BuiltinRegistry.Default.TryGet(name, out var function), $"no builtin {name}");
        Assert.Equal(function.Arity, arguments.Length);
        return function.Implementation!(Context, arguments);
    }

    public static IEnumerable<Value> Relate(string name, params string[] arguments)
    {
        Assert.True(BuiltinRegistry.Default.TryGet(name, out var function), $"no builtin {name}");
        return function.Relation!(Context, arguments.Select(V).ToArray());
    }

    /// <summary>Asserts the call's result equals the expected literal and prints the same (number text included).</summary>
    public static void Expect(string expected, string name, params string[] arguments)
    {
        var result = Call(name, arguments);
        Assert.NotNull(result);
        Assert.Equal(V(expected), result);
        Assert.Equal(V(expected).ToString(), result.ToString());
    }

    public static void Undefined(string name, params string[] arguments) => Assert.Null(Call(name, arguments));

    public static void Error(string message, string name, params string[] arguments)
    {
        var error = Assert.ThrowsAny<BuiltinException>(() => Call(name, arguments));
        Assert.Equal(message, error.Message);
    }

    public static void TypeError(string message, string name, params string[] arguments)
    {
        var error = Assert.Throws<BuiltinTypeException>(() => Call(name, arguments));
        Assert.Equal(message, error.Message);
    }

    private sealed class Reader(string text)
    {
        private int _at;

        public void End()
        {
            Skip();
            Assert.True(_at == text.Length, $"trailing text in {text}");
        }

        public Value Read()
        {
            Skip();
            var c = text[_at];
            switch (c)
            {
                case '[':
                    return ArrayValue.Of(List(']').ToArray());
                case '{':
                    return Braces();
                case '"':
                    return new StringValue(String());
            }

            if (Take("set()"))
            {
                return SetValue.Empty;
            }

            if (Take("null"))
            {
                return NullValue.Instance;
            }

            if (Take("true"))
            {
                return BooleanValue.True;
            }

            if (Take("false"))
            {
                return BooleanValue.False;
            }

            var start = _at;
            while (_at < text.Length && "+-0123456789.eE".Contains(text[_at], StringComparison.Ordinal))
            {
                _at++;
            }

            return NumberValue.Parse(text[start.._at]);
        }

        private List<Value> List(char close)
        {
            _at++;
            var items = new List<Value>();
            Skip();
            while (text[_at] != close)
            {
                items.Add(Read());
                Skip();
                if (text[_at] == ',')
                {
                    _at++;
                }

                Skip();
            }

            _at++;
            return items;
        }

        private Value Braces()
        {
            _at++;
            Skip();
            if (text[_at] == '}')
            {
                _at++;
                return ObjectValue.Empty;
            }

            var first = Read();
            Skip();
            if (text[_at] != ':')
            {
                var items = new List<Value> { first };
                while (text[_at] == ',')
                {
                    _at++;
                    items.Add(Read());
                    Skip();
                }

                _at++;
                return SetValue.Of(items);
            }

            var entries = new List<KeyValuePair<Value, Value>>();
            while (true)
            {
                _at++;
                entries.Add(new(first, Read()));
                Skip();
                if (text[_at] == '}')
                {
                    _at++;
                    return ObjectValue.Of(entries);
                }

                _at++;
                first = Read();
                Skip();
            }
        }

        private string String()
        {
            var builder = new StringBuilder();
            _at++;
            while (text[_at] != '"')
            {
                if (text[_at] == '\\')
                {
                    _at++;
                    builder.Append(text[_at] switch
                    {
                        'n' => "\n",
                        't' => "\t",
                        'u' => ((char)int.Parse(text.AsSpan(_at + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString(),
                        var other => other.ToString(),
                    });
                    if (text[_at] == 'u')
                    {
                        _at += 4;
                    }
                }
                else
                {
                    builder.Append(text[_at]);
                }

                _at++;
            }

            _at++;
            return builder.ToString();
        }

        private bool Take(string word)
        {
            if (string.CompareOrdinal(text, _at, word, 0, word.Length) == 0)
            {
                _at += word.Length;
                return true;
            }

            return false;
        }

        private void Skip()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at]))
            {
                _at++;
            }
        }
    }
}
