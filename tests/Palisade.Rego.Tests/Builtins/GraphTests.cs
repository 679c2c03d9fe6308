using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.Terms;

namespace Palisade.Rego.Tests.Builtins;

public sealed class WalkTests
{
    private static List<string> Walk(string value) => Relate("walk", value).Select(v => v.ToString()).ToList();

    [Fact]
    public void WalksScalars() => Assert.Equal(["[[], 1]"], Walk("1"));

    [Fact]
    public void WalksArraysParentFirst() =>
        Assert.Equal(["[[], [1, 2]]", "[[0], 1]", "[[1], 2]"], Walk("[1, 2]"));

    [Fact]
    public void WalksObjectsByKey() =>
        Assert.Equal(
            ["[[], {\"v1\": \"hello\", \"v2\": \"goodbye\"}]", "[[\"v1\"], \"hello\"]", "[[\"v2\"], \"goodbye\"]"],
            Walk("{\"v2\": \"goodbye\", \"v1\": \"hello\"}"));

    [Fact]
    public void WalksSetsByMember() =>
        Assert.Equal(
            ["[[], {{1, 2, 3}}]", "[[{1, 2, 3}], {1, 2, 3}]", "[[{1, 2, 3}, 1], 1]", "[[{1, 2, 3}, 2], 2]", "[[{1, 2, 3}, 3], 3]"],
            Walk("{{1, 2, 3}}"));

    [Fact]
    public void PathsAreNotShared()
    {
        // Each yielded path is its own value, even though the walk reuses one list while descending.
        var pairs = Relate("walk", "{\"a\": [{\"b\": [{\"aa\": \"AA\"}, {\"bb\": \"BB\"}]}]}").Cast<ArrayValue>().ToList();
        var leaves = pairs.Where(p => p[1] is StringValue).Select(p => p[0].ToString()).ToList();
        Assert.Equal(["[\"a\", 0, \"b\", 0, \"aa\"]", "[\"a\", 0, \"b\", 1, \"bb\"]"], leaves);
    }

    [Fact]
    public void IsARelation()
    {
        Assert.True(Palisade.Rego.Builtins.BuiltinRegistry.Default.TryGet("walk", out var walk));
        Assert.Null(walk.Implementation);
        Assert.NotNull(walk.Relation);
        Assert.Equal(1, walk.Arity);
    }
}

public sealed class ReachableTests
{
    [Theory]
    [InlineData("{\"a\": {\"b\"}, \"b\": {\"c\"}, \"c\": {\"a\"}}", "{\"a\"}", "{\"a\", \"b\", \"c\"}")]
    [InlineData("{\"a\": [\"b\"], \"b\": [\"c\"], \"c\": [\"a\"]}", "[\"a\"]", "{\"a\", \"b\", \"c\"}")]
    [InlineData("{\"a\": null}", "[\"a\"]", "{\"a\"}")]
    [InlineData("{\"a\": [\"b\"], \"b\": [\"nonexistent\"]}", "[\"a\"]", "{\"a\", \"b\"}")]
    [InlineData("{\"a\": [\"b\"]}", "[\"z\"]", "set()")]
    public void Reaches(string graph, string initial, string expected) => Expect(expected, "graph.reachable", graph, initial);

    [Theory]
    [InlineData("{}", "{\"a\"}", "set()")]
    [InlineData("{\"a\": {\"b\"}, \"b\": {\"c\"}, \"c\": {\"a\"}}", "{\"a\"}", "{[\"a\", \"b\", \"c\"]}")]
    [InlineData("{\"a\": {\"b\", \"c\"}, \"b\": {\"d\"}, \"c\": {\"d\"}, \"d\": set(), \"e\": {\"f\"}, \"f\": {\"e\"}, \"x\": {\"x\"}}", "{\"b\", \"e\"}", "{[\"b\", \"d\"], [\"e\", \"f\"]}")]
    [InlineData("{\"a\": [\"b\"], \"b\": [\"c\"], \"c\": [\"a\"]}", "[\"a\"]", "{[\"a\", \"b\", \"c\"]}")]
    [InlineData("{\"a\": null}", "[\"a\"]", "{[\"a\"]}")]
    [InlineData("{\"a\": [\"b\", \"c\"], \"b\": [\"c\"], \"c\": []}", "{\"a\"}", "{[\"a\", \"b\", \"c\"], [\"a\", \"c\"]}")]
    [InlineData("{\"a\": [\"b\"], \"b\": [\"nonexistent\"]}", "{\"a\", \"b\"}", "{[\"a\", \"b\"], [\"b\"]}")]
    [InlineData(
        "{\"one\": [\"two\", \"five\"], \"two\": [\"four\"], \"three\": [\"\"], \"four\": [\"three\"], \"five\": [\"seven\", \"six\"], \"six\": [\"nine\"], \"seven\": [\"eight\"], \"eight\": [\"\"], \"nine\": [\"\"]}",
        "{\"one\"}",
        "{[\"one\", \"five\", \"seven\", \"eight\"], [\"one\", \"five\", \"six\", \"nine\"], [\"one\", \"two\", \"four\", \"three\"]}")]
    [InlineData(
        "{\"one\": [\"two\", \"five\"], \"two\": [\"four\"], \"three\": [\"\"], \"four\": [\"three\"], \"five\": [\"seven\", \"six\"], \"six\": [\"nine\", \"seven\"], \"seven\": [\"eight\"], \"eight\": [\"three\"], \"nine\": [\"\"]}",
        "{\"one\"}",
        "{[\"one\", \"five\", \"seven\", \"eight\", \"three\"], [\"one\", \"five\", \"six\"], [\"one\", \"five\", \"six\", \"nine\"], [\"one\", \"two\", \"four\", \"three\"]}")]
    public void FindsPaths(string graph, string initial, string expected) => Expect(expected, "graph.reachable_paths", graph, initial);

    [Theory]
    [InlineData("graph.reachable")]
    [InlineData("graph.reachable_paths")]
    public void ChecksOperands(string name)
    {
        TypeError("operand 1 must be object but got number", name, "1", "[1]");
        TypeError("operand 2 must be {array, set} but got string", name, "{\"a\": []}", "\"a\"");
    }
}
