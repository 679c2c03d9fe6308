using System.Text;

namespace Palisade.Rego.Evaluation.Tracing;

/// <summary>Prints a trace as OPA's pretty trace does: one line per event, indented by <c>| </c> per level.</summary>
public static class TraceFormatter
{
    public static IEnumerable<string> Pretty(IEnumerable<TraceEvent> events) => events.Select(Line);

    /// <summary>The same lines, each prefixed by the location it happened at (<c>file:line</c>) in a column.</summary>
    public static IEnumerable<string> PrettyWithLocation(IEnumerable<TraceEvent> events)
    {
        var list = events.ToList();
        var places = list.Select(e => e.Location.File is { Length: > 0 } file ? $"{file}:{e.Location.Line}" : $"query:{e.Location.Line}").ToList();
        var width = places.Count == 0 ? 0 : places.Max(p => p.Length);
        return list.Select((e, i) => places[i].PadRight(width) + " " + Line(e));
    }

    private static string Line(TraceEvent e)
    {
        var line = new StringBuilder();
        for (var i = 0; i < e.Depth; i++)
        {
            line.Append("| ");
        }

        return line.Append(e.Op).Append(' ').Append(e.Text).ToString();
    }
}
