using System.Text.Json.Nodes;
using Palisade.Sandbox.Http;
using Palisade.Sandbox.Patching;

namespace Palisade.Sandbox.Tests.Units;

public sealed class JsonPatchTests
{
    private static JsonNode Apply(string document, string patch) => JsonPatch.Apply(JsonNode.Parse(document)!, JsonNode.Parse(patch));

    [Fact]
    public void Move_and_copy_take_the_value_from_the_from_path()
    {
        var result = Apply("""{"a":{"b":1},"c":[]}""", """[{"op":"copy","from":"/a/b","path":"/c/0"},{"op":"move","from":"/a","path":"/d"}]""");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"c":[1],"d":{"b":1}}"""), result), result.ToJsonString());
    }

    [Fact]
    public void Escaped_pointer_tokens_name_keys_with_slashes_and_tildes()
    {
        var result = Apply("""{"metadata":{"annotations":{"a/b":"x","c~d":"y"}}}""", """[{"op":"remove","path":"/metadata/annotations/a~1b"},{"op":"replace","path":"/metadata/annotations/c~0d","value":"z"}]""");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"metadata":{"annotations":{"c~d":"z"}}}"""), result), result.ToJsonString());
    }

    [Fact]
    public void Add_inserts_into_a_list_at_an_index()
    {
        var result = Apply("""{"l":["a","c"]}""", """[{"op":"add","path":"/l/1","value":"b"}]""");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"l":["a","b","c"]}"""), result));
    }

    [Fact]
    public void A_failed_test_is_422_with_the_reason_as_cause()
    {
        var error = Assert.Throws<ApiError>(() => Apply("""{"a":1}""", """[{"op":"test","path":"/a","value":2}]"""));
        Assert.Equal(422, error.Code);
        Assert.Equal("testing value /a failed: test failed", (string?)error.Details?["causes"]?[0]?["message"]);
    }

    [Fact]
    public void A_patch_that_is_no_list_is_400()
    {
        Assert.Equal(400, Assert.Throws<ApiError>(() => Apply("""{"a":1}""", """{"op":"add"}""")).Code);
    }
}
