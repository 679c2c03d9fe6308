using Palisade.Rego.Values;
using static Palisade.Rego.Tests.Builtins.BuiltinTestKit;

namespace Palisade.Rego.Tests.Builtins;

public sealed class JsonSchemaTests
{
    private static ArrayValue Errors(string document, string schema)
    {
        var result = (ArrayValue)Call("json.match_schema", S(document), S(schema))!;
        return (ArrayValue)result[1];
    }

    private static string[] Messages(string document, string schema) =>
        Errors(document, schema).Items.ToArray().Select(e => ((StringValue)Get(e, "error")).Value).ToArray();

    private static Value Get(Value error, string key) => ((ObjectValue)error).TryGetValue(key, out var value) ? value : NullValue.Instance;

    [Fact]
    public void ReportsErrorsAsOpaDoes()
    {
        var error = Assert.Single(Errors("{\"id\": \"foo\"}", "{\"properties\": {\"id\": {\"type\": \"integer\"}}, \"required\": [\"id\"]}").Items.ToArray());
        Assert.Equal(J("{\"desc\": \"Invalid type. Expected: integer, given: string\", \"error\": \"id: Invalid type. Expected: integer, given: string\", \"field\": \"id\", \"type\": \"invalid_type\"}"), error);
    }

    [Theory]
    [InlineData("{}", "{\"required\": [\"a\", \"b\"]}", "(root): a is required|(root): b is required")]
    [InlineData("{\"a\": 1, \"x\": 2}", "{\"properties\": {\"a\": {}}, \"additionalProperties\": false}", "(root): Additional property x is not allowed")]
    [InlineData("[1, \"a\"]", "{\"items\": {\"type\": \"integer\"}}", "1: Invalid type. Expected: integer, given: string")]
    [InlineData("[]", "{\"minItems\": 1}", "(root): Array must have at least 1 items")]
    [InlineData("\"ab\"", "{\"minLength\": 3}", "(root): String length must be greater than or equal to 3")]
    [InlineData("\"ab\"", "{\"pattern\": \"^x\"}", "(root): Does not match pattern '^x'")]
    [InlineData("5", "{\"maximum\": 3}", "(root): Must be less than or equal to 3")]
    [InlineData("3", "{\"exclusiveMaximum\": 3}", "(root): Must be less than 3")]
    [InlineData("3", "{\"maximum\": 3, \"exclusiveMaximum\": true}", "(root): Must be less than 3")]
    [InlineData("7", "{\"multipleOf\": 2}", "(root): Must be a multiple of 2")]
    [InlineData("\"c\"", "{\"enum\": [\"a\", \"b\"]}", "(root): (root) must be one of the following: \"a\", \"b\"")]
    [InlineData("1", "{\"const\": 2}", "(root): (root) does not match: 2")]
    [InlineData("1.5", "{\"type\": [\"string\", \"integer\"]}", "(root): Invalid type. Expected: [string,integer], given: number")]
    [InlineData("true", "{\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"number\"}]}", "(root): Must validate at least one schema (anyOf)|(root): Invalid type. Expected: string, given: boolean")]
    [InlineData("1", "{\"oneOf\": [{\"type\": \"integer\"}, {\"type\": \"number\"}]}", "(root): Must validate one and only one schema (oneOf)")]
    [InlineData("1", "{\"not\": {\"type\": \"integer\"}}", "(root): Must not validate the schema (not)")]
    [InlineData("{\"a\": \"x\"}", "{\"definitions\": {\"n\": {\"type\": \"number\"}}, \"properties\": {\"a\": {\"$ref\": \"#/definitions/n\"}}}", "a: Invalid type. Expected: number, given: string")]
    [InlineData("[1, 1]", "{\"uniqueItems\": true}", "(root): array items[0,1] must be unique")]
    public void Keywords(string document, string schema, string expected) =>
        Assert.Equal(expected.Split('|'), Messages(document, schema));

    [Theory]
    [InlineData("{\"a\": 1}", "{\"properties\": {\"a\": {\"type\": \"number\"}}}")]
    [InlineData("1.0", "{\"type\": \"integer\"}")]
    [InlineData("{\"a\": {\"b\": [1]}}", "{\"$ref\": \"#/definitions/x\", \"definitions\": {\"x\": {\"type\": \"object\"}}}")]
    [InlineData("\"2020-01-01T00:00:00Z\"", "{\"format\": \"date-time\"}")]
    public void Matches(string document, string schema) => Assert.Empty(Errors(document, schema).Items.ToArray());

    [Fact]
    public void VerifiesSchemas()
    {
        Assert.Equal(A(BooleanValue.True, NullValue.Instance), Call("json.verify_schema", J("{\"type\": \"boolean\"}")));
        Assert.Equal(
            A(BooleanValue.False, S("jsonschema: has a primitive type that is NOT VALID -- given: /unknown_type/ Expected valid values are:[array boolean integer number null object string]")),
            Call("json.verify_schema", S("{\"type\": \"unknown_type\"}")));
        Fails("json.match_schema", "invalid JSON string", S("{"), S("{}"));
        Fails("json.match_schema", "wrong type, expected string or object", N(1), S("{}"));
    }
}
