using Palisade.Kube.Manifests;

namespace Palisade.Kube.Tests.Manifests;

/// <summary>Quoted scalars continued at or left of their key's indentation, which go-yaml (and so Kubernetes tools) reads.</summary>
public sealed class QuotedScalarIndentationTests
{
    private static readonly ManifestReader Reader = new();

    [Theory]
    [InlineData("\"When set to `true` the TLS {} is optional, defaults\n    to false.\"", "When set to `true` the TLS {} is optional, defaults to false.")]
    [InlineData("'it''s\n    folded\n\n    twice'", "it's folded\ntwice")]
    [InlineData("\"escaped \\\" quote\n    and \\\n    joined\"", "escaped \" quote and joined")]
    public void ContinuationLinesAtTheKeysIndentationAreRead(string scalar, string expected)
    {
        var yaml = $"spec:\n  props:\n    a:\n      type: boolean\n      description: {scalar.Replace("\n    ", "\n      ", StringComparison.Ordinal)}\n    next: 1\n";

        var root = (MappingNode)Reader.ReadText("t.yaml", yaml)[0].Root!;

        var props = (MappingNode)((MappingNode)root["spec"]!)["props"]!;
        var description = (ScalarNode)((MappingNode)props["a"]!)["description"]!;
        Assert.Equal(expected, description.AsString);
        Assert.Equal(5, description.Location.Line);
        Assert.True(props.TryGetEntry("next", out var next));
        Assert.Equal(new SourceLocation("t.yaml", yaml.Split('\n').Length - 1, 5), next.KeyLocation);
    }

    [Fact]
    public void TwoSuchScalarsInOneFileAreBothRead()
    {
        const string yaml = "a:\n  x: \"one\n  two\"\n  y: \"three\n  four\"\n";

        var a = (MappingNode)((MappingNode)Reader.ReadText("t.yaml", yaml)[0].Root!)["a"]!;

        Assert.Equal(("one two", "three four"), (((ScalarNode)a["x"]!).AsString, ((ScalarNode)a["y"]!).AsString));
    }

    [Fact]
    public void AnUnterminatedQuoteIsStillAnError()
    {
        var error = Assert.Throws<ManifestException>(() => Reader.ReadText("t.yaml", "a:\n  x: \"one\n  two\n"));

        Assert.StartsWith("t.yaml:2:", error.Message, StringComparison.Ordinal);
    }
}
