using System.Text;
using Palisade.Rego.Types;
using Palisade.Rego.Values;

namespace Palisade.Rego.Builtins.Encodings;

/// <summary>base64, base64url and hex. Decoding follows Go's decoders, including their error positions.</summary>
internal static class Base64Builtins
{
    private const string StdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private const string UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    public static IEnumerable<BuiltinFunction> Functions()
    {
        yield return StringToString("base64.encode", s => Convert.ToBase64String(Utf8(s)));
        yield return StringToString("base64.decode", s => Text(Decode(s, StdAlphabet)));
        yield return new BuiltinFunction(
            "base64.is_valid",
            FunctionSignature.Of(RegoType.Boolean, RegoType.String),
            (_, args) => BooleanValue.Of(args[0] is StringValue s && TryDecode(s.Value, StdAlphabet, out byte[] _, out int _)));
        yield return StringToString("base64url.encode", s => ToUrl(Convert.ToBase64String(Utf8(s))));
        yield return StringToString("base64url.encode_no_pad", s => ToUrl(Convert.ToBase64String(Utf8(s))).TrimEnd('='));
        yield return StringToString("base64url.decode", DecodeUrl);
        yield return StringToString("hex.encode", s => Convert.ToHexStringLower(Utf8(s)));
        yield return StringToString("hex.decode", s => Text(DecodeHex(Utf8(s))));
    }

    internal static BuiltinFunction StringToString(string name, Func<string, string> body) =>
        new(name, FunctionSignature.Of(RegoType.String, RegoType.String), (_, args) => StringValue.Of(body(Operands.String(args, 0).Value)));

    internal static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    /// <summary>Decoded bytes as a string; bytes that are not UTF-8 become U+FFFD.</summary>
    internal static string Text(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes);

    private static string ToUrl(string base64) => base64.Replace('+', '-').Replace('/', '_');

    private static string DecodeUrl(string text)
    {
        // Encoders often drop the padding; restore it as RFC 7515 appendix C does.
        if (!text.EndsWith('='))
        {
            switch (Utf8(text).Length % 4)
            {
                case 0:
                    break;
                case 2:
                    text += "==";
                    break;
                case 3:
                    text += "=";
                    break;
                default:
                    throw new BuiltinException($"illegal base64url string: {text}");
            }
        }

        return Text(Decode(text, UrlAlphabet));
    }

    private static byte[] Decode(string text, string alphabet) =>
        TryDecode(text, alphabet, out var bytes, out var errorAt) ? bytes : throw new BuiltinException($"illegal base64 data at input byte {errorAt}");

    /// <summary>Go's padded base64 decoding: quanta of four, CR and LF ignored, strict about padding.</summary>
    private static bool TryDecode(string text, string alphabet, out byte[] result, out int errorAt)
    {
        var src = Utf8(text);
        var output = new List<byte>(src.Length * 3 / 4);
        var si = 0;
        result = [];
        errorAt = 0;
        Span<int> quantum = stackalloc int[4];
        while (true)
        {
            quantum.Clear();
            var length = 4;
            var j = 0;
            for (; j < 4; j++)
            {
                if (si == src.Length)
                {
                    if (j == 0)
                    {
                        result = [.. output];
                        return true;
                    }

                    errorAt = si - j;
                    return false;
                }

                var c = src[si++];
                var value = c < 0x80 ? alphabet.IndexOf((char)c, StringComparison.Ordinal) : -1;
                if (value >= 0)
                {
                    quantum[j] = value;
                    continue;
                }

                if (c is (byte)'\n' or (byte)'\r')
                {
                    j--;
                    continue;
                }

                if (c != '=' || j < 2)
                {
                    errorAt = si - 1;
                    return false;
                }

                if (j == 2)
                {
                    // Two padding characters are needed after two data characters.
                    while (si < src.Length && src[si] is (byte)'\n' or (byte)'\r')
                    {
                        si++;
                    }

                    if (si == src.Length)
                    {
                        errorAt = src.Length;
                        return false;
                    }

                    if (src[si] != '=')
                    {
                        errorAt = si - 1;
                        return false;
                    }

                    si++;
                }

                while (si < src.Length && src[si] is (byte)'\n' or (byte)'\r')
                {
                    si++;
                }

                if (si < src.Length)
                {
                    errorAt = si;
                    return false;
                }

                length = j;
                break;
            }

            var bits = (quantum[0] << 18) | (quantum[1] << 12) | (quantum[2] << 6) | quantum[3];
            output.Add((byte)(bits >> 16));
            if (length > 2)
            {
                output.Add((byte)(bits >> 8));
            }

            if (length > 3)
            {
                output.Add((byte)bits);
            }

            if (length < 4)
            {
                result = [.. output];
                return true;
            }
        }
    }

    /// <summary>Go's hex.DecodeString, with its messages for bad digits and odd lengths.</summary>
    private static byte[] DecodeHex(byte[] src)
    {
        var result = new byte[src.Length / 2];
        var i = 1;
        for (; i < src.Length; i += 2)
        {
            var high = HexValue(src[i - 1]);
            var low = HexValue(src[i]);
            result[i / 2] = (byte)((high << 4) | low);
        }

        if (src.Length % 2 == 1)
        {
            HexValue(src[i - 1]);
            throw new BuiltinException("encoding/hex: odd length hex string");
        }

        return result;
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => throw new BuiltinException($"encoding/hex: invalid byte: U+{c:X4} {GoRune(c)}"),
    };

    /// <summary>A rune as Go's %#U shows it after the code: quoted when printable.</summary>
    private static string GoRune(int rune)
    {
        var r = new Rune(rune);
        return Rune.IsControl(r) ? "" : $"'{r}'";
    }
}
