using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Encodings;

/// <summary>
/// Reads JSON text into values as OPA does (Go's encoding/json decoder with exact numbers), failing with Go's
/// messages: "invalid character 'x' looking for beginning of value", "unexpected EOF", and so on.
/// </summary>
internal sealed class GoJsonReader
{
    // Go's decoder refuses nesting deeper than this; it also keeps deep input from exhausting the stack.
    private const int MaxDepth = 10000;

    private readonly string _text;
    private int _pos;
    private int _depth;

    private GoJsonReader(string text) => _text = text;

    /// <summary>One JSON value, then nothing but white space.</summary>
    public static Value Read(string text)
    {
        var reader = new GoJsonReader(text);
        reader.SkipSpace();
        if (reader._pos == text.Length)
        {
            throw new BuiltinException("EOF");
        }

        var value = reader.ReadValue();
        reader.SkipSpace();
        if (reader._pos < text.Length)
        {
            var c = text[reader._pos];
            throw new BuiltinException("{[\"-tfn".Contains(c, StringComparison.Ordinal) || char.IsAsciiDigit(c)
                ? $"error: invalid character '{c}' after top-level value"
                : $"invalid character {QuoteChar(c)} looking for beginning of value");
        }

        return value;
    }

    public static bool IsValid(string text)
    {
        try
        {
            Read(text);
            return true;
        }
        catch (BuiltinException)
        {
            return false;
        }
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\n' or '\r')
        {
            _pos++;
        }
    }

    /// <summary>The next character after white space; running out of input there is Go's "unexpected EOF".</summary>
    private char Next()
    {
        SkipSpace();
        if (_pos >= _text.Length)
        {
            throw new BuiltinException("unexpected EOF");
        }

        return _text[_pos];
    }

    private Value ReadValue()
    {
        var c = Next();
        switch (c)
        {
            case '{' or '[':
                if (++_depth > MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
                {
                    throw new BuiltinException("exceeded max depth");
                }

                var nested = c == '{' ? (Value)ReadObject() : ReadArray();
                _depth--;
                return nested;
            case '"':
                return StringValue.Of(ReadString());
            case 't':
                return ReadLiteral("true", BooleanValue.True);
            case 'f':
                return ReadLiteral("false", BooleanValue.False);
            case 'n':
                return ReadLiteral("null", NullValue.Instance);
            default:
                if (c == '-' || char.IsAsciiDigit(c))
                {
                    return ReadNumber();
                }

                throw Invalid(c, "looking for beginning of value");
        }
    }

    private ObjectValue ReadObject()
    {
        _pos++;
        var entries = new List<KeyValuePair<Value, Value>>();
        if (Next() == '}')
        {
            _pos++;
            return ObjectValue.Empty;
        }

        while (true)
        {
            var c = Next();
            if (c != '"')
            {
                throw Invalid(c, "looking for beginning of object key string");
            }

            var key = ReadString();
            c = Next();
            if (c != ':')
            {
                throw Invalid(c, "after object key");
            }

            _pos++;
            entries.Add(new KeyValuePair<Value, Value>(StringValue.Of(key), ReadValue()));
            c = Next();
            _pos++;
            if (c == '}')
            {
                return ObjectValue.Of(entries);
            }

            if (c != ',')
            {
                throw Invalid(c, "after object key:value pair");
            }
        }
    }

    private ArrayValue ReadArray()
    {
        _pos++;
        var items = new List<Value>();
        if (Next() == ']')
        {
            _pos++;
            return ArrayValue.Empty;
        }

        while (true)
        {
            items.Add(ReadValue());
            var c = Next();
            _pos++;
            if (c == ']')
            {
                return ArrayValue.Of(items);
            }

            if (c != ',')
            {
                throw Invalid(c, "after array element");
            }
        }
    }

    private Value ReadLiteral(string word, Value value)
    {
        for (var i = 0; i < word.Length; i++)
        {
            if (_pos + i >= _text.Length)
            {
                throw new BuiltinException("unexpected EOF");
            }

            if (_text[_pos + i] != word[i])
            {
                throw Invalid(_text[_pos + i], $"in literal {word} (expecting '{word[i]}')");
            }
        }

        _pos += word.Length;
        return value;
    }

    private NumberValue ReadNumber()
    {
        var start = _pos;
        if (_text[_pos] == '-')
        {
            _pos++;
        }

        if (_pos >= _text.Length)
        {
            throw new BuiltinException("unexpected EOF");
        }

        if (_text[_pos] == '0')
        {
            _pos++;
        }
        else if (char.IsAsciiDigit(_text[_pos]))
        {
            Digits();
        }
        else
        {
            throw Invalid(_text[_pos], "in numeric literal");
        }

        if (_pos < _text.Length && _text[_pos] == '.')
        {
            _pos++;
            RequireDigit();
            Digits();
        }

        if (_pos < _text.Length && _text[_pos] is 'e' or 'E')
        {
            _pos++;
            if (_pos < _text.Length && _text[_pos] is '+' or '-')
            {
                _pos++;
            }

            RequireDigit();
            Digits();
        }

        return NumberValue.Parse(_text[start.._pos]);
    }

    private void RequireDigit()
    {
        if (_pos >= _text.Length)
        {
            throw new BuiltinException("unexpected EOF");
        }

        if (!char.IsAsciiDigit(_text[_pos]))
        {
            throw Invalid(_text[_pos], "in numeric literal");
        }
    }

    private void Digits()
    {
        while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
        {
            _pos++;
        }
    }

    private string ReadString()
    {
        _pos++;
        var builder = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw new BuiltinException("unexpected EOF");
            }

            var c = _text[_pos++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c < 0x20)
            {
                throw Invalid(c, "in string literal");
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (_pos >= _text.Length)
            {
                throw new BuiltinException("unexpected EOF");
            }

            var e = _text[_pos++];
            if (JsonEscapes.Simple(e) is { } simple)
            {
                builder.Append(simple);
                continue;
            }

            switch (e)
            {
                case 'u':
                    for (var i = 0; i < 4; i++)
                    {
                        if (_pos + i >= _text.Length)
                        {
                            throw new BuiltinException("unexpected EOF");
                        }

                        if (!char.IsAsciiHexDigit(_text[_pos + i]))
                        {
                            throw Invalid(_text[_pos + i], "in \\u hexadecimal character escape");
                        }
                    }

                    builder.Append((char)int.Parse(_text.AsSpan(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                    _pos += 4;
                    break;
                default:
                    throw Invalid(e, "in string escape code");
            }
        }
    }

    private static BuiltinException Invalid(char c, string context) => new($"invalid character {QuoteChar(c)} {context}");

    /// <summary>Go's quoteChar: the character in single quotes, escaped as strconv.Quote would.</summary>
    private static string QuoteChar(char c)
    {
        if (c == '\'')
        {
            return @"'\''";
        }

        if (c == '"')
        {
            return "'\"'";
        }

        var quoted = GoQuote.Quote(c.ToString());
        return "'" + quoted[1..^1] + "'";
    }
}
