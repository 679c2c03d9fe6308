using YamlDotNet.RepresentationModel;

namespace Palisade.Rego.Tests.Parsing;

/// <summary>Small helpers for walking YAML documents without binding them to types.</summary>
internal static class YamlNodes
{
    public static IEnumerable<YamlDocument> Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return stream.Documents;
    }

    public static YamlNode? Get(this YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Text(this YamlNode? node) => node is YamlScalarNode scalar ? scalar.Value : null;

    public static IEnumerable<YamlNode> Items(this YamlNode? node) => node is YamlSequenceNode seq ? seq.Children : [];
}
