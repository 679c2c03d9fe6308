using System.Globalization;
using Palisade.Rego.Values;
using YamlDotNet.RepresentationModel;

namespace Palisade.Rego.Conformance;

/// <summary>Reads the case files (YAML documents with a <c>cases:</c> list) under folders, in sorted order.</summary>
public static class CaseLoader
{
    public static IEnumerable<ConformanceCase> Load(IEnumerable<string> paths)
    {
        var files = paths.SelectMany(p => Directory.Exists(p)
                ? Directory.EnumerateFiles(p, "*.yaml", SearchOption.AllDirectories)
                : [p])
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var stream = new YamlStream();
            using (var reader = new StreamReader(file))
            {
                stream.Load(reader);
            }

            foreach (var document in stream.Documents)
            {
                if (document.RootNode is not YamlMappingNode root || !root.Children.TryGetValue("cases", out var cases))
                {
                    continue;
                }

                foreach (var node in ((YamlSequenceNode)cases).Children.Cast<YamlMappingNode>())
                {
                    yield return Read(file, node);
                }
            }
        }
    }

    private static ConformanceCase Read(string file, YamlMappingNode node)
    {
        string? Text(string key) => node.Children.TryGetValue(key, out var v) && v is YamlScalarNode s ? s.Value : null;
        bool Flag(string key) => Text(key) is "true";
        var modules = node.Children.TryGetValue("modules", out var m) && m is YamlSequenceNode list
            ? list.Children.Select(c => ((YamlScalarNode)c).Value ?? "").ToArray()
            : [];
        var wanted = node.Children.TryGetValue("want_result", out var w) && w is YamlSequenceNode results
            ? results.Children.Select(r => (ObjectValue)ToValue(r)).ToArray()
            : null;
        return new ConformanceCase(
            file,
            Text("note") ?? "",
            Text("query") ?? "",
            modules,
            node.Children.TryGetValue("data", out var d) && ToValue(d) is ObjectValue data ? data : ObjectValue.Empty,
            node.Children.TryGetValue("input", out var i) ? ToValue(i) : null,
            Text("input_term"),
            wanted,
            Text("want_error_code"),
            Text("want_error"),
            Flag("sort_bindings"),
            Flag("strict_error"));
    }

    /// <summary>YAML to a Rego value: plain scalars typed by the YAML core schema, quoted ones strings.</summary>
    public static Value ToValue(YamlNode node) => node switch
    {
        YamlMappingNode map => ObjectValue.Of(map.Children.Select(c => new KeyValuePair<Value, Value>(StringValue.Of(((YamlScalarNode)c.Key).Value ?? ""), ToValue(c.Value)))),
        YamlSequenceNode seq => ArrayValue.Of(seq.Children.Select(ToValue)),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar => Plain(scalar.Value ?? ""),
        YamlScalarNode scalar => StringValue.Of(scalar.Value ?? ""),
        _ => NullValue.Instance,
    };

    private static Value Plain(string text) => text switch
    {
        "" or "~" or "null" or "Null" or "NULL" => NullValue.Instance,
        "true" or "True" or "TRUE" => BooleanValue.True,
        "false" or "False" or "FALSE" => BooleanValue.False,
        _ when NumberValue.TryParse(text, out var number) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => number,
        _ => StringValue.Of(text),
    };
}
