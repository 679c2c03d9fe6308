using System.Text.Json.Nodes;
using Palisade.Sandbox.Apply;

namespace Palisade.Sandbox.Tests.Units;

public sealed class ManagedFieldsTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static JsonObject Object(string json) => JsonNode.Parse(json)!.AsObject();

    private static JsonNode? FieldsOf(JsonObject obj, string manager, string operation) =>
        obj["metadata"]!["managedFields"]!.AsArray().Single(e => (string?)e?["manager"] == manager && (string?)e?["operation"] == operation)?["fieldsV1"];

    [Fact]
    public void Keyed_lists_and_sets_use_k_and_v_elements_and_server_fields_belong_to_nobody()
    {
        var obj = Object("""
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","namespace":"y","uid":"u","resourceVersion":"3",
             "finalizers":["a/b"],"ownerReferences":[{"uid":"1","name":"o"}]},"data":{"k":"v"}}
            """);
        var fields = ObjectFields.Of(obj).ToFieldsV1();
        var expected = JsonNode.Parse("""
            {"f:data":{"f:k":{}},"f:metadata":{"f:finalizers":{"v:\"a/b\"":{}},"f:ownerReferences":{"k:{\"uid\":\"1\"}":{".":{},"f:name":{},"f:uid":{}}}}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, fields), fields.ToJsonString());
    }

    [Fact]
    public void FieldsV1_reads_back_into_the_same_set()
    {
        var fieldsV1 = JsonNode.Parse("""{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:order":{}}}""")!.AsObject();
        Assert.True(JsonNode.DeepEquals(fieldsV1, FieldSet.FromFieldsV1(fieldsV1).ToFieldsV1()));
    }

    [Fact]
    public void An_update_takes_changed_fields_from_other_managers_and_removed_fields_from_all()
    {
        var before = Object("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"data":{"a":"1","b":"1","c":"1"}}""");
        UpdateTracker.Record(null, before, "creator", "v1", Now);
        var after = Object("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"data":{"a":"2","b":"1"}}""");
        after["metadata"]!["managedFields"] = before["metadata"]!["managedFields"]!.DeepClone();
        UpdateTracker.Record(before, after, "editor", "v1", Now);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"f:data":{"f:b":{}}}"""), FieldsOf(after, "creator", "Update")));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"f:data":{"f:a":{}}}"""), FieldsOf(after, "editor", "Update")));
        Assert.Equal("2026-01-02T03:04:05Z", (string?)after["metadata"]!["managedFields"]![1]!["time"]);
    }

    [Fact]
    public void An_apply_keeps_a_dropped_field_another_manager_still_owns()
    {
        var live = ServerSideApply.Apply(null, Object("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"data":{"a":"1","b":"1"}}"""), "applier", force: false, "v1", Now);
        var shared = ServerSideApply.Apply(live, Object("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"data":{"b":"1"}}"""), "other", force: false, "v1", Now);
        var result = ServerSideApply.Apply(shared, Object("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"data":{}}"""), "applier", force: false, "v1", Now);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"b":"1"}"""), result["data"]), result["data"]?.ToJsonString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"f:data":{"f:b":{}}}"""), FieldsOf(result, "other", "Apply")));
    }

    [Fact]
    public void Conflicts_name_each_field_and_its_manager()
    {
        var live = ServerSideApply.Apply(null, Object("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"data":{"a":"1","b":"1"}}"""), "first", force: false, "v1", Now);
        var error = Assert.Throws<Palisade.Sandbox.Http.ApiError>(() =>
            ServerSideApply.Apply(live, Object("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"data":{"a":"2","b":"2"}}"""), "second", force: false, "v1", Now));
        Assert.Equal(409, error.Code);
        Assert.Equal("Apply failed with 2 conflicts: conflicts with \"first\" using v1:\n- .data.a\n- .data.b", error.Message);
        Assert.Equal(2, error.Details?["causes"]?.AsArray().Count);
    }
}
