namespace Palisade.Kube.Manifests;

/// <summary>
/// go-yaml (and so kubectl, Gatekeeper and gator) accepts a quoted scalar whose continuation lines are indented no
/// deeper than its key; YamlDotNet rejects it ("found wrong indentation"). Leading whitespace on a continuation line
/// is folded away inside quotes, so indenting those lines up to the opening quote's column changes no value: this
/// does that for the one scalar YamlDotNet stopped at. Line numbers stay as written; only the columns of the moved
/// continuation lines shift.
/// </summary>
internal static class QuotedScalarIndentation
{
    public static bool IsItsError(YamlDotNet.Core.YamlException ex) =>
        ex.Message.Contains("multi-line", StringComparison.Ordinal) && ex.Message.Contains("found wrong indentation", StringComparison.Ordinal);

    /// <summary>The text with that scalar's continuation lines indented, or null when there is nothing to indent.</summary>
    /// <param name="line">1-based line of the opening quote.</param>
    /// <param name="column">1-based column of the opening quote.</param>
    public static string? Deepen(string text, int line, int column)
    {
        var lines = text.Split('\n');
        var index = line - 1;
        var start = column - 1;
        if (index < 0 || index >= lines.Length || start < 0 || start >= lines[index].Length || lines[index][start] is not ('"' or '\''))
        {
            return null;
        }

        var quote = lines[index][start];
        var position = start + 1;
        var changed = false;
        while (true)
        {
            var current = lines[index];
            for (; position < current.Length; position++)
            {
                var c = current[position];
                if (quote == '"' && c == '\\')
                {
                    position++;
                }
                else if (c == quote && quote == '\'' && position + 1 < current.Length && current[position + 1] == '\'')
                {
                    position++;
                }
                else if (c == quote)
                {
                    return changed ? string.Join('\n', lines) : null;
                }
            }

            if (++index >= lines.Length)
            {
                return null;
            }

            var indent = lines[index].Length - lines[index].TrimStart(' ').Length;
            position = indent;
            if (lines[index].Trim().Length > 0 && indent < start)
            {
                lines[index] = new string(' ', start - indent) + lines[index];
                position = start;
                changed = true;
            }
        }
    }
}
