namespace Palisade.Rego.Builtins.Graphql;

/// <summary>
/// The GraphQL spec's BlockStringValue: strip the indentation common to all lines but the first, then drop leading and
/// trailing blank lines, so that block strings can be indented with the surrounding document.
/// </summary>
internal static class BlockStringValue
{
    public static string Of(string raw)
    {
        var lines = raw.Split('\n');
        int? common = null;
        for (var i = 1; i < lines.Length; i++)
        {
            var indent = Indent(lines[i]);
            if (indent < lines[i].Length && (common is null || indent < common))
            {
                common = indent;
            }
        }

        if (common is > 0)
        {
            for (var i = 1; i < lines.Length; i++)
            {
                lines[i] = lines[i].Length >= common ? lines[i][common.Value..] : "";
            }
        }

        var first = 0;
        while (first < lines.Length && Indent(lines[first]) == lines[first].Length)
        {
            first++;
        }

        var last = lines.Length - 1;
        while (last >= first && Indent(lines[last]) == lines[last].Length)
        {
            last--;
        }

        return first > last ? "" : string.Join('\n', lines[first..(last + 1)]);
    }

    private static int Indent(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }
}
