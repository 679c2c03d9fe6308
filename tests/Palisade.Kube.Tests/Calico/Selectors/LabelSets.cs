namespace Palisade.Kube.Tests.Calico.Selectors;

/// <summary>Label sets written compactly in test tables: "a=x,b=" is {a: "x", b: ""}; "" is no labels.</summary>
internal static class LabelSets
{
    public static IReadOnlyDictionary<string, string> Parse(string text) =>
        text.Length == 0
            ? new Dictionary<string, string>()
            : text.Split(',').Select(pair => pair.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
}
