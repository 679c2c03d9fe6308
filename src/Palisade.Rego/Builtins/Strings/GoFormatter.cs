using System.Globalization;
using System.Numerics;
using System.Text;

namespace Palisade.Rego.Builtins.Strings;

/// <summary>
/// Go's fmt.Sprintf for the argument types OPA's sprintf passes: int, *big.Int, float64 and string. Verbs that do
/// not fit an argument print Go's diagnostics (<c>%!d(string=x)</c>, <c>%!d(MISSING)</c>, <c>%!(EXTRA …)</c>).
/// </summary>
internal sealed class GoFormatter
{
    private readonly StringBuilder _out = new();
    private bool _plus;
    private bool _minus;
    private bool _sharp;
    private bool _space;
    private bool _zero;
    private bool _widthPresent;
    private bool _precisionPresent;
    private int _width;
    private int _precision;

    private GoFormatter()
    {
    }

    public static string Sprintf(string format, IReadOnlyList<object> args)
    {
        var f = new GoFormatter();
        f.Run(format, args);
        return f._out.ToString();
    }

    private void Run(string format, IReadOnlyList<object> args)
    {
        var argNum = 0;
        var reordered = false;
        var end = format.Length;
        var i = 0;
        while (i < end)
        {
            var literal = i;
            while (i < end && format[i] != '%')
            {
                i++;
            }

            _out.Append(format, literal, i - literal);
            if (i >= end)
            {
                break;
            }

            i++;
            ClearFlags();
            for (; i < end; i++)
            {
                var c = format[i];
                if (c == '#') { _sharp = true; }
                else if (c == '0') { _zero = !_minus; }
                else if (c == '+') { _plus = true; }
                else if (c == '-') { _minus = true; _zero = false; }
                else if (c == ' ') { _space = true; }
                else { break; }
            }

            var goodArgNum = true;
            (argNum, i, var afterIndex) = ArgNumber(format, i, argNum, args.Count, ref goodArgNum, ref reordered);

            if (i < end && format[i] == '*')
            {
                i++;
                (_width, _widthPresent, argNum) = IntFromArg(args, argNum);
                if (!_widthPresent)
                {
                    _out.Append("%!(BADWIDTH)");
                }

                if (_width < 0)
                {
                    _width = -_width;
                    _minus = true;
                    _zero = false;
                }

                afterIndex = false;
            }
            else
            {
                (_width, _widthPresent, i) = ParseNumber(format, i);
                if (afterIndex && _widthPresent)
                {
                    goodArgNum = false;
                }
            }

            if (i + 1 <= end && i < end && format[i] == '.')
            {
                i++;
                if (afterIndex)
                {
                    goodArgNum = false;
                }

                (argNum, i, afterIndex) = ArgNumber(format, i, argNum, args.Count, ref goodArgNum, ref reordered);
                if (i < end && format[i] == '*')
                {
                    i++;
                    (_precision, _precisionPresent, argNum) = IntFromArg(args, argNum);
                    if (_precision < 0)
                    {
                        _precision = 0;
                        _precisionPresent = false;
                    }

                    if (!_precisionPresent)
                    {
                        _out.Append("%!(BADPREC)");
                    }

                    afterIndex = false;
                }
                else
                {
                    (_precision, _precisionPresent, i) = ParseNumber(format, i);
                    if (!_precisionPresent)
                    {
                        _precision = 0;
                        _precisionPresent = true;
                    }
                }
            }

            if (!afterIndex)
            {
                (argNum, i, afterIndex) = ArgNumber(format, i, argNum, args.Count, ref goodArgNum, ref reordered);
            }

            if (i >= end)
            {
                _out.Append("%!(NOVERB)");
                break;
            }

            var verb = Rune.GetRuneAt(format, i);
            i += verb.Utf16SequenceLength;
            if (verb.Value == '%')
            {
                _out.Append('%');
            }
            else if (!goodArgNum)
            {
                _out.Append("%!").Append(verb.ToString()).Append("(BADINDEX)");
            }
            else if (argNum >= args.Count)
            {
                _out.Append("%!").Append(verb.ToString()).Append("(MISSING)");
            }
            else
            {
                if (verb.Value == 'v')
                {
                    // %#v and %+v have their own meaning for v; for these argument types they print as %v does.
                    _sharp = false;
                    _plus = false;
                }

                PrintArg(args[argNum], verb.Value);
                argNum++;
            }
        }

        if (!reordered && argNum < args.Count)
        {
            ClearFlags();
            _out.Append("%!(EXTRA ");
            for (var k = argNum; k < args.Count; k++)
            {
                if (k > argNum)
                {
                    _out.Append(", ");
                }

                _out.Append(TypeName(args[k])).Append('=');
                PrintArg(args[k], 'v');
            }

            _out.Append(')');
        }
    }

    private void ClearFlags()
    {
        _plus = _minus = _sharp = _space = _zero = false;
        _widthPresent = _precisionPresent = false;
        _width = _precision = 0;
    }

    private static (int ArgNum, int Index, bool Found) ArgNumber(string format, int i, int argNum, int count, ref bool good, ref bool reordered)
    {
        if (i >= format.Length || format[i] != '[')
        {
            return (argNum, i, false);
        }

        reordered = true;
        for (var j = i + 1; j < format.Length; j++)
        {
            if (format[j] == ']')
            {
                var (n, ok, after) = ParseNumber(format, i + 1);
                if (!ok || after != j || n < 1 || n - 1 > count)
                {
                    good = false;
                    return (argNum, j + 1, true);
                }

                return (n - 1, j + 1, true);
            }
        }

        good = false;
        return (argNum, i + 1, false);
    }

    private static (int Value, bool Present, int Next) ParseNumber(string s, int start)
    {
        var i = start;
        var n = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            if (n > 1_000_000)
            {
                return (0, false, s.Length);
            }

            n = (n * 10) + (s[i] - '0');
            i++;
        }

        return (n, i > start, i);
    }

    private static (int Value, bool Ok, int ArgNum) IntFromArg(IReadOnlyList<object> args, int argNum)
    {
        if (argNum >= args.Count)
        {
            return (0, false, argNum);
        }

        if (args[argNum] is long n && n is > -1_000_000 and < 1_000_000)
        {
            return ((int)n, true, argNum + 1);
        }

        return (0, false, argNum + 1);
    }

    private static string TypeName(object arg) => arg switch
    {
        long => "int",
        BigInteger => "*big.Int",
        double => "float64",
        _ => "string",
    };

    private void PrintArg(object arg, int verb)
    {
        if (verb == 'T')
        {
            FormatString(TypeName(arg));
            return;
        }

        switch (arg)
        {
            case long n:
                PrintInteger(n, verb);
                break;
            case BigInteger big:
                PrintBigInteger(big, verb);
                break;
            case double d:
                PrintFloat(d, verb);
                break;
            default:
                PrintString((string)arg, verb);
                break;
        }
    }

    private void BadVerb(object arg, int verb)
    {
        _out.Append("%!").Append(char.ConvertFromUtf32(verb)).Append('(').Append(TypeName(arg)).Append('=');
        PrintArg(arg, 'v');
        _out.Append(')');
    }

    private void PrintInteger(long n, int verb)
    {
        switch (verb)
        {
            case 'v' or 'd':
                FormatInteger(n, 10, verb, "0123456789abcdefx");
                break;
            case 'b':
                FormatInteger(n, 2, verb, "0123456789abcdefx");
                break;
            case 'o' or 'O':
                FormatInteger(n, 8, verb, "0123456789abcdefx");
                break;
            case 'x':
                FormatInteger(n, 16, verb, "0123456789abcdefx");
                break;
            case 'X':
                FormatInteger(n, 16, verb, "0123456789ABCDEFX");
                break;
            case 'c':
                Pad(RuneText(n));
                break;
            case 'q':
                Pad("'" + QuoteRuneBody(n) + "'");
                break;
            case 'U':
                FormatUnicode(n);
                break;
            default:
                BadVerb(n, verb);
                break;
        }
    }

    private static string RuneText(long n) =>
        n is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32((int)n) : "\uFFFD";

    private static string QuoteRuneBody(long n)
    {
        var text = RuneText(n);
        if (text == "'")
        {
            return "\\'";
        }

        var quoted = Values.GoQuote.Quote(text);
        var body = quoted[1..^1];
        return body == "\\\"" ? "\"" : body;
    }

    private void FormatUnicode(long n)
    {
        var hex = ((ulong)n).ToString("X", CultureInfo.InvariantCulture);
        var digits = Math.Max(_precisionPresent ? _precision : 4, 4);
        var text = "U+" + hex.PadLeft(digits, '0');
        if (_sharp && n is >= 0 and <= 0x10FFFF && Rune.IsValid((int)n) && !Rune.IsControl(new Rune((int)n)))
        {
            text += " '" + RuneText(n) + "'";
        }

        var zero = _zero;
        _zero = false;
        Pad(text);
        _zero = zero;
    }

    private void FormatInteger(long value, int radix, int verb, string digits)
    {
        var negative = value < 0;
        var magnitude = negative ? (BigInteger)value * -1 : value;
        FormatMagnitude(negative, magnitude, radix, verb, digits);
    }

    private void FormatMagnitude(bool negative, BigInteger magnitude, int radix, int verb, string digits)
    {
        var precision = 0;
        if (_precisionPresent)
        {
            precision = _precision;
            if (precision == 0 && magnitude.IsZero)
            {
                var zero = _zero;
                _zero = false;
                WritePadding(_width);
                _zero = zero;
                return;
            }
        }
        else if (_zero && !_minus && _widthPresent)
        {
            precision = _width;
            if (negative || _plus || _space)
            {
                precision--;
            }
        }

        var text = Strings.TransformBuiltins.FormatInteger(magnitude, radix, upper: digits[10] == 'A');
        if (text.Length < precision)
        {
            text = new string('0', precision - text.Length) + text;
        }

        if (_sharp)
        {
            text = radix switch
            {
                2 => "0b" + text,
                8 when text[0] != '0' => "0" + text,
                16 => "0" + digits[16] + text,
                _ => text,
            };
        }

        if (verb == 'O')
        {
            text = "0o" + text;
        }

        text = (negative ? "-" : _plus ? "+" : _space ? " " : "") + text;
        var z = _zero;
        _zero = false;
        Pad(text);
        _zero = z;
    }

    private void PrintBigInteger(BigInteger value, int verb)
    {
        // *big.Int formats itself (big.Int.Format), with slightly different padding rules from Go's integers.
        int radix;
        switch (verb)
        {
            case 'b':
                radix = 2;
                break;
            case 'o' or 'O':
                radix = 8;
                break;
            case 'd' or 's' or 'v':
                radix = 10;
                break;
            case 'x' or 'X':
                radix = 16;
                break;
            default:
                _out.Append("%!").Append(char.ConvertFromUtf32(verb)).Append("(big.Int=")
                    .Append(value.ToString(CultureInfo.InvariantCulture)).Append(')');
                return;
        }

        var sign = value.Sign < 0 ? "-" : _plus ? "+" : _space ? " " : "";
        var prefix = "";
        if (_sharp)
        {
            prefix = verb switch { 'b' => "0b", 'o' => "0", 'x' => "0x", 'X' => "0X", _ => "" };
        }

        if (verb == 'O')
        {
            prefix = "0o";
        }

        var digits = Strings.TransformBuiltins.FormatInteger(BigInteger.Abs(value), radix, upper: verb == 'X');
        var zeros = 0;
        if (_precisionPresent)
        {
            if (digits.Length < _precision)
            {
                zeros = _precision - digits.Length;
            }
            else if (digits == "0" && _precision == 0)
            {
                return;
            }
        }

        var length = sign.Length + prefix.Length + zeros + digits.Length;
        int left = 0, right = 0;
        if (_widthPresent && length < _width)
        {
            var d = _width - length;
            if (_minus)
            {
                right = d;
            }
            else if (_zero && !_precisionPresent)
            {
                zeros = d;
            }
            else
            {
                left = d;
            }
        }

        _out.Append(' ', left).Append(sign).Append(prefix).Append('0', zeros).Append(digits).Append(' ', right);
    }

    private void PrintFloat(double value, int verb)
    {
        switch (verb)
        {
            case 'v':
                FormatFloat(value, 'g', -1);
                break;
            case 'g' or 'G':
                FormatFloat(value, (char)verb, -1);
                break;
            case 'e' or 'E' or 'f' or 'F':
                FormatFloat(value, (char)verb, 6);
                break;
            default:
                BadVerb(value, verb);
                break;
        }
    }

    private void FormatFloat(double value, char verb, int precision)
    {
        if (_precisionPresent)
        {
            precision = _precision;
        }

        var negative = value < 0 || (value == 0 && double.IsNegative(value));
        var body = GoFloat.Format(Math.Abs(value), verb == 'F' ? 'f' : verb, precision);
        var sign = negative ? '-' : _plus ? '+' : _space ? ' ' : '\0';
        if (sign != '\0')
        {
            var num = sign + body;
            if (_zero && !_minus && _widthPresent && _width > num.Length)
            {
                _out.Append(sign);
                WritePadding(_width - num.Length);
                _out.Append(body);
                return;
            }

            Pad(num);
            return;
        }

        Pad(body);
    }

    private void PrintString(string value, int verb)
    {
        switch (verb)
        {
            case 'v' or 's':
                FormatString(value);
                break;
            case 'x':
                FormatHex(value, "0123456789abcdefx");
                break;
            case 'X':
                FormatHex(value, "0123456789ABCDEFX");
                break;
            case 'q':
                var text = Truncate(value);
                Pad(_sharp && !text.Contains('`') && text.All(c => c == '\t' || !char.IsControl(c))
                    ? "`" + text + "`"
                    : Values.GoQuote.Quote(text));
                break;
            default:
                BadVerb(value, verb);
                break;
        }
    }

    private void FormatString(string value) => Pad(Truncate(value));

    private string Truncate(string value)
    {
        if (!_precisionPresent)
        {
            return value;
        }

        var n = 0;
        var index = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            if (n == _precision)
            {
                return value[..index];
            }

            n++;
            index += rune.Utf16SequenceLength;
        }

        return value;
    }

    private void FormatHex(string value, string digits)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var length = _precisionPresent && _precision < bytes.Length ? _precision : bytes.Length;
        var width = 2 * length;
        if (width > 0)
        {
            if (_space)
            {
                if (_sharp)
                {
                    width *= 2;
                }

                width += length - 1;
            }
            else if (_sharp)
            {
                width += 2;
            }
        }
        else
        {
            if (_widthPresent)
            {
                WritePadding(_width);
            }

            return;
        }

        if (_widthPresent && _width > width && !_minus)
        {
            WritePadding(_width - width);
        }

        if (_sharp)
        {
            _out.Append('0').Append(digits[16]);
        }

        for (var i = 0; i < length; i++)
        {
            if (_space && i > 0)
            {
                _out.Append(' ');
                if (_sharp)
                {
                    _out.Append('0').Append(digits[16]);
                }
            }

            _out.Append(digits[bytes[i] >> 4]).Append(digits[bytes[i] & 0xF]);
        }

        if (_widthPresent && _width > width && _minus)
        {
            WritePadding(_width - width);
        }
    }

    private void Pad(string text)
    {
        if (!_widthPresent || _width == 0)
        {
            _out.Append(text);
            return;
        }

        var width = _width - Runes.Count(text);
        if (!_minus)
        {
            WritePadding(width);
            _out.Append(text);
        }
        else
        {
            _out.Append(text);
            WritePadding(width);
        }
    }

    private void WritePadding(int n)
    {
        if (n > 0)
        {
            _out.Append(_zero ? '0' : ' ', n);
        }
    }
}
