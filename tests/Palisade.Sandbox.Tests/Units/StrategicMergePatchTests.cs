using System.Text.Json.Nodes;
using Palisade.Sandbox.Patching;

namespace Palisade.Sandbox.Tests.Units;

public sealed class StrategicMergePatchTests
{
    private static JsonNode? Apply(string target, string patch) => StrategicMergePatch.Apply(JsonNode.Parse(target), JsonNode.Parse(patch));

    [Fact]
    public void A_keyed_list_merges_element_by_element_in_place()
    {
        var result = Apply(
            """{"webhooks":[{"name":"a","timeoutSeconds":5},{"name":"b","timeoutSeconds":5}]}""",
            """{"webhooks":[{"name":"a","timeoutSeconds":10},{"name":"c"}]}""");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"webhooks":[{"name":"a","timeoutSeconds":10},{"name":"b","timeoutSeconds":5},{"name":"c"}]}"""), result), result?.ToJsonString());
    }

    [Fact]
    public void A_keyed_list_element_with_patch_delete_is_removed()
    {
        var result = Apply("""{"webhooks":[{"name":"a"},{"name":"b"}]}""", """{"webhooks":[{"name":"a","$patch":"delete"}]}""");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"webhooks":[{"name":"b"}]}"""), result), result?.ToJsonString());
    }

    [Fact]
    public void An_atomic_list_is_replaced_and_directives_are_dropped()
    {
        var result = Apply(
            """{"spec":{"ingress":[{"from":[]}],"policyTypes":["Ingress"]}}""",
            """{"spec":{"$setElementOrder/policyTypes":["Egress"],"policyTypes":["Egress"],"$retainKeys":["policyTypes"]}}""");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"spec":{"ingress":[{"from":[]}],"policyTypes":["Egress"]}}"""), result), result?.ToJsonString());
    }

    [Fact]
    public void A_map_with_patch_replace_is_replaced_whole()
    {
        var result = Apply("""{"metadata":{"labels":{"a":"1","b":"2"}}}""", """{"metadata":{"labels":{"$patch":"replace","c":"3"}}}""");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"metadata":{"labels":{"c":"3"}}}"""), result), result?.ToJsonString());
    }
}
