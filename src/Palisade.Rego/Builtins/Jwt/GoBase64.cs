namespace Palisade.Rego.Builtins.Jwt;

/// <summary>
/// Go's padded base64 decoding (<c>encoding/base64</c>), which OPA's <c>base64url.decode</c> uses after restoring
/// missing padding; errors carry Go's "illegal base64 data at input byte N", which OPA's JWT messages quote.
/// </summary>
internal static class GoBase64
{
    private const string UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private const string StdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>Go's <c>base64.StdEncoding.DecodeString</c>: padding required.</summary>
    public static byte[] DecodeStd(string text) => Decode(text, StdAlphabet);

    /// <summary>OPA's <c>base64url.decode</c>: padding may be omitted, as RFC 7515 Appendix C allows.</summary>
    public static byte[] DecodeUrl(string text)
    {
        if (!text.EndsWith('='))
        {
            switch (text.Length % 4)
            {
                case 2:
                    text += "==";
                    break;
                case 3:
                    text += "=";
                    break;
                case 1:
                    throw new BuiltinException($"illegal base64url string: {text}");
            }
        }

        return Decode(text, UrlAlphabet);
    }

    public static string EncodeUrl(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    // Go strings are bytes, so error offsets count UTF-8 bytes, not characters.
    private static byte[] Decode(string text, string alphabet)
    {
        var src = System.Text.Encoding.UTF8.GetBytes(text);
        var output = new List<byte>(src.Length * 3 / 4);
        var si = 0;
        Span<int> quantum = stackalloc int[4];
        while (true)
        {
            var length = 4;
            for (var j = 0; j < 4; j++)
            {
                if (si == src.Length)
                {
                    if (j == 0)
                    {
                        return [.. output];
                    }

                    throw Corrupt(si - j);
                }

                var c = (char)src[si++];
                var value = c < 128 ? alphabet.IndexOf(c, StringComparison.Ordinal) : -1;
                if (value >= 0)
                {
                    quantum[j] = value;
                    continue;
                }

                // Line breaks are skipped wherever they appear.
                if (c is '\n' or '\r')
                {
                    j--;
                    continue;
                }

                if (c != '=')
                {
                    throw Corrupt(si - 1);
                }

                // Padding: only after two or three symbols, "==" after two.
                switch (j)
                {
                    case 0 or 1:
                        throw Corrupt(si - 1);
                    case 2:
                        si = SkipLineBreaks(src, si);
                        if (si == src.Length)
                        {
                            throw Corrupt(src.Length);
                        }

                        if (src[si] != (byte)'=')
                        {
                            throw Corrupt(si - 1);
                        }

                        si++;
                        break;
                }

                si = SkipLineBreaks(src, si);
                if (si < src.Length)
                {
                    throw Corrupt(si);
                }

                length = j;
                break;
            }

            var bits = quantum[0] << 18 | quantum[1] << 12 | (length > 2 ? quantum[2] : 0) << 6 | (length > 3 ? quantum[3] : 0);
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
                return [.. output];
            }
        }
    }

    private static int SkipLineBreaks(byte[] src, int si)
    {
        while (si < src.Length && src[si] is (byte)'\n' or (byte)'\r')
        {
            si++;
        }

        return si;
    }

    private static BuiltinException Corrupt(int offset) => new($"illegal base64 data at input byte {offset}");
}
