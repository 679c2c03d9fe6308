using System.Text;

namespace Palisade.Policy.Reporting;

/// <summary>
/// Draws rows in the box-drawing style of the tablewriter library conftest's <c>table</c> format uses: headers
/// upper-cased and centred (an odd spare column goes to the right), cells left-aligned, one space of padding, a cell
/// with several lines spread over as many text lines, and whitespace around each line trimmed (tablewriter's default
/// TrimSpace/TrimLine). Cells are not wrapped: tablewriter's default table width is unlimited.
/// </summary>
internal static class BoxTable
{
    public static string Render(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var headerCells = headers.Select(h => new[] { h.ToUpperInvariant() }).ToArray();
        var rowCells = rows.Select(row => row.Select(cell => cell.Trim().Split('\n').Select(line => line.Trim()).ToArray()).ToArray()).ToArray();
        var widths = new int[headers.Count];
        foreach (var row in rowCells.Prepend(headerCells))
        {
            for (var column = 0; column < widths.Length; column++)
            {
                widths[column] = Math.Max(widths[column], row[column].Max(DisplayWidth.Of));
            }
        }

        var text = new StringBuilder();
        Rule(text, widths, '┌', '┬', '┐');
        Row(text, widths, headerCells, centre: true);
        Rule(text, widths, '├', '┼', '┤');
        foreach (var row in rowCells)
        {
            Row(text, widths, row, centre: false);
        }

        Rule(text, widths, '└', '┴', '┘');
        return text.ToString();
    }

    private static void Rule(StringBuilder text, int[] widths, char left, char middle, char right)
    {
        text.Append(left);
        text.AppendJoin(middle, widths.Select(width => new string('─', width + 2)));
        text.Append(right).Append('\n');
    }

    private static void Row(StringBuilder text, int[] widths, string[][] cells, bool centre)
    {
        var height = cells.Max(lines => lines.Length);
        for (var line = 0; line < height; line++)
        {
            text.Append('│');
            for (var column = 0; column < widths.Length; column++)
            {
                var content = line < cells[column].Length ? cells[column][line] : "";
                var spare = widths[column] - DisplayWidth.Of(content);
                var before = centre ? spare / 2 : 0;
                text.Append(' ', before + 1).Append(content).Append(' ', spare - before + 1).Append('│');
            }

            text.Append('\n');
        }
    }
}
