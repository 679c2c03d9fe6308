using System.Text;

namespace Palisade.Kube.Text;

/// <summary>Line diffs in the unified format that git and code review tools show (Myers' O(ND) algorithm).</summary>
public static class UnifiedDiff
{
    private enum Op
    {
        Keep,
        Delete,
        Insert,
    }

    public static string Format(string oldName, string newName, string oldText, string newText, int context = 3)
    {
        var a = SplitLines(oldText);
        var b = SplitLines(newText);
        var edits = Diff(a, b);
        var output = new StringBuilder();
        output.Append("--- ").Append(oldName).Append('\n');
        output.Append("+++ ").Append(newName).Append('\n');
        foreach (var hunk in Hunks(edits, context))
        {
            var (oldStart, oldCount, newStart, newCount) = Range(edits, hunk);
            output.Append($"@@ -{oldStart},{oldCount} +{newStart},{newCount} @@\n");
            for (var i = hunk.Start; i < hunk.End; i++)
            {
                var (op, line) = edits[i];
                output.Append(op switch { Op.Keep => ' ', Op.Delete => '-', _ => '+' }).Append(line).Append('\n');
            }
        }

        return output.ToString();
    }

    private static string[] SplitLines(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var lines = text.Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    private static List<(Op Op, string Line)> Diff(string[] a, string[] b)
    {
        var max = a.Length + b.Length;
        var v = new int[(2 * max) + 2];
        var trace = new List<int[]>();
        for (var d = 0; d <= max; d++)
        {
            trace.Add((int[])v.Clone());
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
                var y = x - k;
                while (x < a.Length && y < b.Length && a[x] == b[y])
                {
                    (x, y) = (x + 1, y + 1);
                }

                v[max + k] = x;
                if (x >= a.Length && y >= b.Length)
                {
                    return Backtrack(a, b, trace, max);
                }
            }
        }

        throw new InvalidOperationException("diff did not converge");
    }

    private static List<(Op, string)> Backtrack(string[] a, string[] b, List<int[]> trace, int max)
    {
        var edits = new List<(Op, string)>();
        var (x, y) = (a.Length, b.Length);
        for (var d = trace.Count - 1; d >= 0; d--)
        {
            var v = trace[d];
            var k = x - y;
            var previousK = k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) ? k + 1 : k - 1;
            var previousX = v[max + previousK];
            var previousY = previousX - previousK;
            while (x > previousX && y > previousY)
            {
                edits.Add((Op.Keep, a[--x]));
                y--;
            }

            if (d > 0)
            {
                if (x == previousX)
                {
                    edits.Add((Op.Insert, b[--y]));
                }
                else
                {
                    edits.Add((Op.Delete, a[--x]));
                }
            }
        }

        edits.Reverse();
        return edits;
    }

    private static IEnumerable<(int Start, int End)> Hunks(List<(Op Op, string Line)> edits, int context)
    {
        var changed = Enumerable.Range(0, edits.Count).Where(i => edits[i].Op != Op.Keep).ToList();
        var index = 0;
        while (index < changed.Count)
        {
            var start = Math.Max(0, changed[index] - context);
            var end = Math.Min(edits.Count, changed[index] + context + 1);
            while (++index < changed.Count && changed[index] - context <= end)
            {
                end = Math.Min(edits.Count, changed[index] + context + 1);
            }

            yield return (start, end);
        }
    }

    private static (int OldStart, int OldCount, int NewStart, int NewCount) Range(List<(Op Op, string Line)> edits, (int Start, int End) hunk)
    {
        var (oldLine, newLine) = (1, 1);
        for (var i = 0; i < hunk.Start; i++)
        {
            oldLine += edits[i].Op != Op.Insert ? 1 : 0;
            newLine += edits[i].Op != Op.Delete ? 1 : 0;
        }

        var slice = edits.Skip(hunk.Start).Take(hunk.End - hunk.Start).ToList();
        var oldCount = slice.Count(e => e.Op != Op.Insert);
        var newCount = slice.Count(e => e.Op != Op.Delete);

        // An empty side is numbered by the line before it, as diff(1) does.
        return (oldCount == 0 ? oldLine - 1 : oldLine, oldCount, newCount == 0 ? newLine - 1 : newLine, newCount);
    }
}
