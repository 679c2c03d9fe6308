using System.Text.Json;
using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.Terms;

namespace Palisade.Rego.Tests.Builtins;

public sealed class JsonFilterTests
{
    [Theory]
    [InlineData("{\"a\": {\"b\": {\"c\": 7, \"d\": 8}}, \"e\": 9}", "{\"a/b/c\"}", "{\"a\": {\"b\": {\"c\": 7}}}")]
    [InlineData("{\"a\": {\"b\": {\"c\": 7, \"d\": 8}}, \"e\": 9}", "{\"a/b/c\", \"e\"}", "{\"a\": {\"b\": {\"c\": 7}}, \"e\": 9}")]
    [InlineData("{\"a\": {\"b\": {\"c\": 7, \"d\": 8}}, \"e\": 9}", "[\"a/b/c\", \"e\"]", "{\"a\": {\"b\": {\"c\": 7}}, \"e\": 9}")]
    [InlineData("{\"a\": {\"b\": {\"c\": 7, \"d\": 8}, \"e\": 9}}", "{\"a/b/c\", \"a/e\"}", "{\"a\": {\"b\": {\"c\": 7}, \"e\": 9}}")]
    [InlineData("{\"a\": {\"b\": 7}}", "{\"a\", \"a/b\"}", "{\"a\": {\"b\": 7}}")]
    [InlineData("{\"a\": 7}", "set()", "{}")]
    [InlineData("{}", "{\"a/b\"}", "{}")]
    [InlineData("{\"a\": [{\"b\": 7, \"c\": 8}, {\"d\": 9}]}", "{\"a/0/b\", \"a/1\"}", "{\"a\": [{\"b\": 7}, {\"d\": 9}]}")]
    [InlineData("{\"a\": {\"b\": {\"c\": 7, \"d\": 8}}, \"e\": 9}", "{[\"a\", \"b\", \"c\"], [\"e\"]}", "{\"a\": {\"b\": {\"c\": 7}}, \"e\": 9}")]
    [InlineData("{\"a\": {\"b\": {\"c\": 7, \"d\": 8, \"x\": 0}}, \"e\": 9}", "{\"a/b/d\", [\"a\", \"b\", \"c\"]}", "{\"a\": {\"b\": {\"c\": 7, \"d\": 8}}}")]
    [InlineData("{\"a/b\": 1, \"c~d\": 2, \"e\": 3}", "[\"/a~1b\", \"c~0d\"]", "{\"a/b\": 1, \"c~d\": 2}")]
    [InlineData("{\"a\": {\"x\", \"y\"}}", "[\"a/x\"]", "{\"a\": {\"x\"}}")]

    // Array items are named by string index, as in a JSON pointer: a number segment names none of them.
    [InlineData("{\"a\": [1, 2]}", "[[\"a\", 0]]", "{\"a\": []}")]
    [InlineData("{\"a\": [1, 2]}", "[[\"a\", \"1\"]]", "{\"a\": [2]}")]
    public void Filters(string obj, string paths, string expected) => Expect(expected, "json.filter", obj, paths);

    [Theory]
    [InlineData("{\"a\": {\"b\": {\"c\": 7, \"d\": 8}}, \"e\": 9}", "{\"a/b/c\"}", "{\"a\": {\"b\": {\"d\": 8}}, \"e\": 9}")]
    [InlineData("{\"a\": {\"b\": {\"c\": 7, \"d\": 8}}, \"e\": 9}", "{\"a/b/c\", \"e\"}", "{\"a\": {\"b\": {\"d\": 8}}}")]
    [InlineData("{\"a\": {\"b\": {\"c\": 7, \"d\": 8}}, \"e\": 9}", "[\"a/b/c\", \"e\"]", "{\"a\": {\"b\": {\"d\": 8}}}")]
    [InlineData("{\"a\": {\"b\": 7}, \"c\": 1}", "{\"a\", \"a/b\"}", "{\"c\": 1}")]
    [InlineData("{}", "{\"a/b\"}", "{}")]
    [InlineData("{\"a\": {\"b\": 7}, \"c\": 1}", "{\"a\", \"c\"}", "{}")]
    [InlineData("{\"a\": [{\"b\": 7, \"c\": 8}, {\"d\": 9}]}", "{\"a/0/b\", \"a/1\"}", "{\"a\": [{\"c\": 8}]}")]
    [InlineData("{\"a\": {\"b\": {\"c\": 7, \"d\": 8}}, \"e\": 9}", "{[\"a\", \"b\", \"c\"], [\"e\"]}", "{\"a\": {\"b\": {\"d\": 8}}}")]
    [InlineData("{\"a\": {\"b\": {\"c\": 7, \"d\": 8, \"x\": 0}}, \"e\": 9}", "{\"a/b/d\", [\"a\", \"b\", \"c\"]}", "{\"a\": {\"b\": {\"x\": 0}}, \"e\": 9}")]
    [InlineData("{\"a\": {\"x\", \"y\"}}", "[\"a/x\"]", "{\"a\": {\"y\"}}")]
    [InlineData("{\"a\": [1, 2]}", "[[\"a\", 0]]", "{\"a\": [1, 2]}")]
    [InlineData("{\"a\": [1, 2]}", "[[\"a\", \"1\"]]", "{\"a\": [1]}")]
    public void Removes(string obj, string paths, string expected) => Expect(expected, "json.remove", obj, paths);

    [Theory]
    [InlineData("json.filter")]
    [InlineData("json.remove")]
    public void ChecksOperands(string name)
    {
        TypeError("operand 1 must be object but got string", name, "\"x\"", "{\"a/b/c\"}");
        TypeError("operand 1 must be object but got array", name, "[]", "{\"a/b/c\"}");
        TypeError("operand 2 must be one of {set, array} but got string", name, "{}", "\"a\"");
        TypeError("operand 2 must be one of {set, array} but got object", name, "{}", "{}");
        TypeError("operand 2 must be one of {set, array} containing string paths or array of path segments but got number", name, "{}", "{1}");
        TypeError("operand 2 must be one of {set, array} containing string paths or array of path segments but got object", name, "{}", "[{}]");
    }
}

public sealed class JsonPatchTests
{
    [Fact]
    public void PatchesSets()
    {
        Expect("{\"foo\": {\"a\", \"c\"}}", "json.patch", "{\"foo\": {\"a\", \"b\", \"c\"}}", "[{\"op\": \"remove\", \"path\": \"foo/b\"}]");
        Expect("{\"foo\": {\"a\", \"b\", \"c\", \"d\"}}", "json.patch", "{\"foo\": {\"a\", \"b\", \"c\"}}", "[{\"op\": \"add\", \"path\": \"foo/d\", \"value\": \"d\"}]");
        Undefined("json.patch", "{\"foo\": {\"a\", \"b\", \"c\"}}", "[{\"op\": \"add\", \"path\": \"foo/d\", \"value\": \"e\"}]");
        Expect("{\"bar\": {\"a\", \"c\", \"d\"}, \"foo\": {\"b\"}}", "json.patch", "{\"foo\": {\"a\", \"b\"}, \"bar\": {\"c\", \"d\"}}", "[{\"op\": \"move\", \"from\": \"foo/a\", \"path\": \"bar/a\"}]");
        Expect("{[1, 2]}", "json.patch", "{[1]}", "[{\"op\": \"add\", \"path\": [[1], 1], \"value\": 2}]");
    }

    [Fact]
    public void OperationsMustBeAnArray() =>
        TypeError("operand 2 must be array but got object", "json.patch", "{}", "{}");
}
