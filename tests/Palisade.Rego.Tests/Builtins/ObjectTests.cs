using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.Terms;

namespace Palisade.Rego.Tests.Builtins;

public sealed class ObjectTests
{
    [Theory]
    [InlineData("{\"a\": \"b\"}", "\"a\"", "\"c\"", "\"b\"")]
    [InlineData("{\"a\": \"b\"}", "\"c\"", "\"c\"", "\"c\"")]
    [InlineData("{1: 2}", "1", "3", "2")]
    [InlineData("{1: 2}", "2", "3", "3")]
    [InlineData("{\"a\": {\"b\": \"c\"}}", "\"a\"", "true", "{\"b\": \"c\"}")]
    [InlineData("{\"a\": 1}", "[]", "2", "{\"a\": 1}")]
    [InlineData("{\"a\": 1}", "[\"a\"]", "2", "1")]
    [InlineData("{\"a\": {\"b\": {\"c\": 1}}}", "[\"a\", \"b\", \"c\"]", "2", "1")]
    [InlineData("{\"a\": {\"b\": 1}}", "[\"b\", \"a\"]", "2", "2")]
    [InlineData("{1: {\"b\": {[1, 2, 3]: 1}}}", "[1, \"b\", [1, 2, 3]]", "2", "1")]
    [InlineData("{\"a\": {\"b\": [1, 2, 3]}}", "[\"a\", \"b\", \"a\"]", "2", "2")]
    [InlineData("{\"a\": {\"b\": [{\"c\": 1}]}}", "[\"a\", \"b\", 0, \"c\"]", "2", "1")]
    [InlineData("{\"a\": {\"b\": [{\"c\": 1}]}}", "[\"a\", \"b\", \"0\", \"c\"]", "2", "2")]
    [InlineData("{\"a\": {\"x\", \"y\"}}", "[\"a\", \"x\"]", "2", "\"x\"")]
    [InlineData("{[\"a\"]: 1}", "[\"a\"]", "2", "2")]
    public void Gets(string obj, string key, string fallback, string expected) => Expect(expected, "object.get", obj, key, fallback);

    [Fact]
    public void GetNeedsAnObject() => TypeError("operand 1 must be object but got string", "object.get", "\"x\"", "[\"a\"]", "2");

    [Fact]
    public void ListsKeys()
    {
        Expect("{\"a\", \"b\"}", "object.keys", "{\"a\": 1, \"b\": 2}");
        Expect("{1, 2}", "object.keys", "{1: 1, 2: 2}");
        Expect("{{\"a\": 1}, {\"b\": 2}}", "object.keys", "{{\"a\": 1}: 1, {\"b\": 2}: 2}");
        Expect("set()", "object.keys", "{}");
        TypeError("operand 1 must be object but got string", "object.keys", "\"a\"");
    }

    [Theory]
    [InlineData("{\"a\": 1, \"b\": {\"c\": 3}}", "{\"a\"}", "{\"b\": {\"c\": 3}}")]
    [InlineData("{\"a\": 1, \"b\": {\"c\": 3}, \"d\": 4}", "{\"b\", \"d\"}", "{\"a\": 1}")]
    [InlineData("{\"a\": 1, \"b\": {\"c\": 3}, \"d\": 4}", "[\"d\", \"b\"]", "{\"a\": 1}")]
    [InlineData("{\"a\": 1, \"b\": {\"c\": 3}, \"d\": 4}", "{\"b\": 1, \"d\": \"\"}", "{\"a\": 1}")]
    [InlineData("{\"a\": {\"b\": {\"c\": 2}}, \"x\": 123}", "{\"a\": {\"b\": {\"foo\": \"bar\"}}}", "{\"x\": 123}")]
    [InlineData("{}", "{\"a\", \"b\"}", "{}")]
    [InlineData("{\"a\": 1}", "set()", "{\"a\": 1}")]
    [InlineData("{\"a\": 1}", "[]", "{\"a\": 1}")]
    [InlineData("{\"a\": 1}", "{}", "{\"a\": 1}")]
    [InlineData("{\"a\": 1}", "{\"z\"}", "{\"a\": 1}")]
    [InlineData("{\"a\": 1, [[7]]: 2}", "{[[7]]}", "{\"a\": 1}")]
    public void Removes(string obj, string keys, string expected) => Expect(expected, "object.remove", obj, keys);

    [Theory]
    [InlineData("{\"a\": {\"b\": {\"c\": 7, \"d\": 8}}, \"e\": 9}", "{\"a\"}", "{\"a\": {\"b\": {\"c\": 7, \"d\": 8}}}")]
    [InlineData("{\"a\": 1, \"b\": 2, \"c\": 3, \"e\": 9}", "[\"a\", \"e\"]", "{\"a\": 1, \"e\": 9}")]
    [InlineData("{\"a\": 1, \"b\": 2, \"c\": 3, \"e\": 9}", "{\"a\": \"foo\", \"e\": \"\"}", "{\"a\": 1, \"e\": 9}")]
    [InlineData("{\"a\": 7}", "set()", "{}")]
    [InlineData("{\"a\": 7}", "[]", "{}")]
    [InlineData("{}", "{\"a\"}", "{}")]
    [InlineData("{\"a\": 1, [[7]]: 2}", "{[[7]]}", "{[[7]]: 2}")]
    public void Filters(string obj, string keys, string expected) => Expect(expected, "object.filter", obj, keys);

    [Theory]
    [InlineData("object.remove")]
    [InlineData("object.filter")]
    public void RemoveAndFilterCheckOperands(string name)
    {
        TypeError("operand 1 must be object but got array", name, "[]", "{\"a\"}");
        TypeError("operand 1 must be object but got null", name, "null", "{\"a\"}");
        TypeError("operand 2 must be one of {object, set, array} but got string", name, "{\"a\": 1}", "\"a\"");
        TypeError("operand 2 must be one of {object, set, array} but got boolean", name, "{\"a\": 1}", "true");
    }

    [Theory]
    [InlineData("{}", "{\"a\": 1}", "{\"a\": 1}")]
    [InlineData("{\"a\": 1}", "{}", "{\"a\": 1}")]
    [InlineData("{\"a\": 1}", "{\"b\": 2}", "{\"a\": 1, \"b\": 2}")]
    [InlineData("{\"b\": 2}", "{\"a\": {\"b\": {\"c\": 1}}}", "{\"a\": {\"b\": {\"c\": 1}}, \"b\": 2}")]
    [InlineData("{\"a\": 1}", "{\"a\": {\"b\": {\"c\": 1}}, \"d\": 7}", "{\"a\": {\"b\": {\"c\": 1}}, \"d\": 7}")]
    [InlineData("{\"a\": {\"b\": {\"c\": 1}}, \"e\": 1}", "{\"a\": {\"b\": \"foo\", \"b1\": \"bar\"}, \"d\": 7, \"e\": 17}", "{\"a\": {\"b\": \"foo\", \"b1\": \"bar\"}, \"d\": 7, \"e\": 17}")]
    [InlineData("{\"a\": {\"b\": 1, \"c\": 2}}", "{\"a\": {\"c\": 3, \"d\": 4}}", "{\"a\": {\"b\": 1, \"c\": 3, \"d\": 4}}")]
    public void Unites(string a, string b, string expected) => Expect(expected, "object.union", a, b);

    [Fact]
    public void UnionChecksOperands()
    {
        TypeError("operand 1 must be object but got array", "object.union", "[]", "{\"b\": 2}");
        TypeError("operand 2 must be object but got array", "object.union", "{\"a\": 1}", "[]");
    }

    [Theory]
    [InlineData("[]", "{}")]
    [InlineData("[{\"a\": 1}, {\"b\": 2}]", "{\"a\": 1, \"b\": 2}")]
    [InlineData("[{\"a\": {\"b\": 2}}, {\"a\": 4}, {\"a\": {\"c\": 3}}]", "{\"a\": {\"c\": 3}}")]
    [InlineData("[{\"a\": {\"b\": 2}}, {\"a\": {\"c\": 3}}, {\"a\": {\"b\": 5}}]", "{\"a\": {\"b\": 5, \"c\": 3}}")]
    [InlineData("[{\"a\": 1}, {\"a\": 2}, {\"a\": 3}]", "{\"a\": 3}")]
    public void UnitesMany(string objects, string expected) => Expect(expected, "object.union_n", objects);

    [Fact]
    public void UnionNNeedsObjects() =>
        TypeError("operand 1 must be array of objects but got array containing number", "object.union_n", "[{}, 1]");

    [Theory]
    [InlineData("{\"a\": 5, \"b\": 6}", "{\"a\": 5}", true)]
    [InlineData("{\"a\": 5}", "{\"a\": 5, \"b\": 6}", false)]
    [InlineData("{\"a\": {\"b\": {\"c\": 1, \"d\": 2}}, \"e\": 3}", "{\"a\": {\"b\": {\"c\": 1}}}", true)]
    [InlineData("{\"a\": {\"b\": {\"c\": 1}}}", "{\"a\": {\"b\": {\"c\": 2}}}", false)]
    [InlineData("{\"a\": {1, 2, 3}}", "{\"a\": {1, 3}}", true)]
    [InlineData("{\"a\": [1, 2, 3, 4]}", "{\"a\": [2, 3]}", true)]
    [InlineData("{\"a\": [1, 2, 3, 4]}", "{\"a\": [2, 4]}", false)]
    [InlineData("{1, 2, 3}", "{3, 2}", true)]
    [InlineData("{3, 2}", "{1, 2, 3}", false)]
    [InlineData("{1, 2, 3, {\"a\", \"b\", \"c\"}}", "{3, 2, {\"a\", \"b\", \"c\"}}", true)]
    [InlineData("{1, 2, 3, {\"a\", \"b\", \"c\"}}", "{3, 2, {\"a\", \"b\"}}", false)]
    [InlineData("[1, 2, 3, 4, 5, 6]", "[3, 4, 5]", true)]
    [InlineData("[1, 2, 3, 4, 5, 6]", "[1, 2, 3]", true)]
    [InlineData("[1, 2, 3, 4, 5, 6]", "[4, 5, 6]", true)]
    [InlineData("[1, 2, 3, 4, 5, 6]", "[1, 2, 3, 4, 5, 6]", true)]
    [InlineData("[3, 4, 5]", "[1, 2, 3, 4, 5, 6]", false)]
    [InlineData("[1, 2, 3, 4, 5, 6]", "[4, 5, 6, 8]", false)]
    [InlineData("[1, 1, 2]", "[1, 2]", true)]
    [InlineData("[1, 2]", "[]", true)]
    [InlineData("[1, 2, 3, 4, 5, 6]", "{4, 3, 2}", true)]
    [InlineData("[1, 2, 3, 4, 5, 6]", "{9, 8, 7}", false)]
    public void Subsets(string super, string sub, bool expected) =>
        Assert.Equal(BooleanValue.Of(expected), Call("object.subset", super, sub));

    [Fact]
    public void SubsetNeedsMatchingTypes()
    {
        Error("both arguments object.subset must be of the same type or array and set", "object.subset", "{1}", "[1]");
        Error("both arguments object.subset must be of the same type or array and set", "object.subset", "{}", "1");
    }
}
