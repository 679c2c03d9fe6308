namespace Palisade.Rego.Builtins.Jwt;

/// <summary>
/// Go's <c>pem.Decode</c>: the first well-formed PEM block, and the text after its END line. Text before the block
/// is skipped; malformed blocks are passed over as Go does.
/// </summary>
internal static class Pem
{
    public sealed record Block(string Type, byte[] Bytes, string Rest);

    public static Block? Decode(string data)
    {
        var rest = data;
        while (true)
        {
            if (rest.StartsWith("-----BEGIN ", StringComparison.Ordinal))
            {
                rest = rest["-----BEGIN ".Length..];
            }
            else
            {
                var start = rest.IndexOf("\n-----BEGIN ", StringComparison.Ordinal);
                if (start < 0)
                {
                    return null;
                }

                rest = rest[(start + "\n-----BEGIN ".Length)..];
            }

            var (typeLine, afterType) = GetLine(rest);
            if (!typeLine.EndsWith("-----", StringComparison.Ordinal))
            {
                continue;
            }

            var type = typeLine[..^5];
            rest = afterType;
            int endIndex, trailerIndex;
            if (rest.StartsWith("-----END ", StringComparison.Ordinal))
            {
                (endIndex, trailerIndex) = (0, "-----END ".Length);
            }
            else
            {
                endIndex = rest.IndexOf("\n-----END ", StringComparison.Ordinal);
                trailerIndex = endIndex + "\n-----END ".Length;
            }

            if (endIndex < 0)
            {
                continue;
            }

            var trailer = rest[trailerIndex..];
            var expected = type + "-----";
            if (!trailer.StartsWith(expected, StringComparison.Ordinal) || GetLine(trailer[expected.Length..]).Line.Length != 0)
            {
                continue;
            }

            var body = rest[..endIndex];
            if (body.Contains(':', StringComparison.Ordinal))
            {
                // Headers ("Proc-Type: ...") precede a blank line; the base64 follows it.
                var blank = body.IndexOf("\n\n", StringComparison.Ordinal);
                body = blank >= 0 ? body[(blank + 2)..] : body;
            }

            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(new string(body.Where(c => !char.IsWhiteSpace(c)).ToArray()));
            }
            catch (FormatException)
            {
                continue;
            }

            var (_, after) = GetLine(trailer);
            return new Block(type, bytes, after);
        }
    }

    /// <summary>Go's <c>getLine</c>: the line without its line ending and trailing blanks, and the text after it.</summary>
    private static (string Line, string After) GetLine(string data)
    {
        var i = data.IndexOf('\n', StringComparison.Ordinal);
        int j;
        if (i < 0)
        {
            i = data.Length;
            j = i;
        }
        else
        {
            j = i + 1;
            if (i > 0 && data[i - 1] == '\r')
            {
                i--;
            }
        }

        return (data[..i].TrimEnd(' ', '\t'), data[j..]);
    }
}
