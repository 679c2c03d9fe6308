using Palisade.Kube.Manifests;

namespace Palisade.Kube.Tests.Manifests;

public sealed class ManifestReaderTests
{
    private static readonly ManifestReader Reader = new();

    [Fact]
    public void ReadsMultipleDocumentsWithPositions()
    {
        var docs = Reader.ReadText("a.yaml", "kind: A\nspec:\n  order: 10\n---\nkind: B\n");

        Assert.Equal(2, docs.Count);
        var first = Assert.IsType<MappingNode>(docs[0].Root);
        Assert.True(first.TryGetEntry("spec", out var spec));
        Assert.Equal(new SourceLocation("a.yaml", 2, 1), spec.KeyLocation);
        var order = Assert.IsType<ScalarNode>(((MappingNode)spec.Value)["order"]);
        Assert.Equal(ScalarKind.Integer, order.Kind);
        Assert.Equal(new SourceLocation("a.yaml", 3, 10), order.Location);
        Assert.Equal(1, docs[1].Index);
        Assert.Equal(5, docs[1].Location.Line);
    }

    [Theory]
    [InlineData("v: 12", ScalarKind.Integer)]
    [InlineData("v: 0x1F", ScalarKind.Integer)]
    [InlineData("v: 1.5", ScalarKind.Float)]
    [InlineData("v: .inf", ScalarKind.Float)]
    [InlineData("v: true", ScalarKind.Bool)]
    [InlineData("v: ~", ScalarKind.Null)]
    [InlineData("v:", ScalarKind.Null)]
    [InlineData("v: '12'", ScalarKind.String)]
    [InlineData("v: yes", ScalarKind.String)]
    [InlineData("v: all()", ScalarKind.String)]
    [InlineData("v: !!str 12", ScalarKind.String)]
    public void ResolvesScalarsWithTheCoreSchema(string yaml, ScalarKind expected)
    {
        var root = (MappingNode)Reader.ReadText("s.yaml", yaml)[0].Root!;

        Assert.Equal(expected, ((ScalarNode)root["v"]!).Kind);
    }

    [Fact]
    public void KeepsBigIntegersExact()
    {
        var root = (MappingNode)Reader.ReadText("s.yaml", "v: 123456789012345678901234567890")[0].Root!;

        Assert.Equal("123456789012345678901234567890", ((ScalarNode)root["v"]!).AsInteger.ToString());
    }

    [Fact]
    public void RejectsDuplicateKeysNamingBothLines()
    {
        var ex = Assert.Throws<ManifestException>(() => Reader.ReadText("d.yaml", "a: 1\nb: 2\na: 3\n"));

        Assert.Equal("d.yaml:3:1: duplicate key \"a\" (first defined at line 1)", ex.Message);
    }

    [Fact]
    public void RejectsSyntaxErrorsWithTheirLine()
    {
        var ex = Assert.Throws<ManifestException>(() => Reader.ReadText("bad.yaml", "a: 1\nb: [1, 2\nc: 3\n"));

        Assert.StartsWith("bad.yaml:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("invalid YAML", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Diagnostic.Location.Line >= 2);
    }

    [Fact]
    public void StopsAnAliasBomb()
    {
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 10; i++)
        {
            var refs = string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10));
            lines.Add($"a{i}: &a{i} [{refs}]");
        }

        var ex = Assert.Throws<ManifestException>(() => Reader.ReadText("bomb.yaml", string.Join('\n', lines)));

        Assert.Contains("alias bomb", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("bomb.yaml:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SharesModestAliasesAndMergeKeys()
    {
        var root = (MappingNode)Reader.ReadText("m.yaml", "base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\n")[0].Root!;
        var use = (MappingNode)root["use"]!;

        Assert.Equal(["y", "x"], use.Entries.Select(e => e.Key));
        Assert.Equal("3", ((ScalarNode)use["y"]!).Text);
    }

    [Fact]
    public void RejectsDeepNesting()
    {
        var reader = new ManifestReader(new ManifestReaderOptions { MaxDepth = 10 });
        var yaml = new string('[', 20) + new string(']', 20);

        var ex = Assert.Throws<ManifestException>(() => reader.ReadText("deep.yaml", yaml));

        Assert.Contains("nesting deeper than 10", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsJsonWithPositionsAndRejectsDuplicateKeys()
    {
        var docs = Reader.ReadText("o.json", "{\n  \"kind\": \"A\",\n  \"n\": 1.5\n}");
        var root = (MappingNode)docs[0].Root!;
        Assert.True(root.TryGetEntry("n", out var n));
        Assert.Equal(new SourceLocation("o.json", 3, 3), n.KeyLocation);
        Assert.Equal(ScalarKind.Float, ((ScalarNode)n.Value).Kind);

        var ex = Assert.Throws<ManifestException>(() => Reader.ReadText("d.json", "{\"a\": 1,\n \"a\": 2}"));
        Assert.Equal("d.json:2:2: duplicate key \"a\" (first defined at line 1)", ex.Message);
    }

    [Fact]
    public void RejectsInvalidJsonWithItsLine()
    {
        var ex = Assert.Throws<ManifestException>(() => Reader.ReadText("bad.json", "{\n  \"a\": 1,\n  \"b\" 2\n}"));

        Assert.StartsWith("bad.json:3:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsContentOverTheSizeLimit()
    {
        var reader = new ManifestReader(new ManifestReaderOptions { MaxFileBytes = 100 });

        var ex = Assert.Throws<ManifestException>(() => reader.ReadText("big.yaml", "a: " + new string('x', 200)));

        Assert.Equal("big.yaml: content is 203 bytes, over the limit of 100 bytes", ex.Message);
    }

    [Fact]
    public void ConvertsToJson()
    {
        var root = Reader.ReadText("j.yaml", "a: [1, 'two', true, null, 2.5]\n")[0].Root!;

        Assert.Equal("{\"a\":[1,\"two\",true,null,2.5]}", root.ToJson()!.ToJsonString());
    }
}
