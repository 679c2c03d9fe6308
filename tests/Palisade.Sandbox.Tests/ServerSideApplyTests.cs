using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using static Palisade.Sandbox.Tests.CalicoObjects;

namespace Palisade.Sandbox.Tests;

public sealed class ServerSideApplyTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private const string Plural = "networkpolicies";
    private readonly TestSandbox sandbox = fixture.Sandbox;
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private async Task<JsonObject> ApplyAsync(JsonObject config, string ns, string manager, bool force = false) =>
        Parse(await sandbox.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(config.ToJsonString(), V1Patch.PatchType.ApplyPatch), CalicoGroup, CalicoVersion, ns, Plural, (string)config["metadata"]!["name"]!,
            fieldManager: manager, force: force, cancellationToken: Cancellation));

    private static JsonObject Entry(JsonObject obj, string manager, string operation) =>
        obj["metadata"]!["managedFields"]!.AsArray().OfType<JsonObject>().Single(e => (string?)e["manager"] == manager && (string?)e["operation"] == operation);

    [Fact]
    public async Task Apply_creates_a_missing_object_and_records_an_Apply_entry()
    {
        var ns = await sandbox.NewNamespaceAsync();
        var created = await ApplyAsync(NetworkPolicy("applied", ns, 100), ns, "palisade");
        Assert.Equal(100, (int?)created["spec"]?["order"]);
        var entry = Entry(created, "palisade", "Apply");
        Assert.Equal("projectcalico.org/v3", (string?)entry["apiVersion"]);
        Assert.Equal("FieldsV1", (string?)entry["fieldsType"]);
        Assert.NotNull(entry["time"]);
        var expected = JsonNode.Parse("""{"f:spec":{"f:ingress":{},"f:order":{},"f:selector":{},"f:types":{}}}""");
        Assert.True(JsonNode.DeepEquals(expected, entry["fieldsV1"]), entry["fieldsV1"]!.ToJsonString());
    }

    [Fact]
    public async Task Apply_without_a_field_manager_is_422_about_the_patch_options()
    {
        var ns = await sandbox.NewNamespaceAsync();
        var patch = new V1Patch(NetworkPolicy("nameless", ns, 1).ToJsonString(), V1Patch.PatchType.ApplyPatch);
        var status = await StatusAssert.RefusedAsync(() => sandbox.Client.CustomObjects.PatchNamespacedCustomObjectAsync(patch, CalicoGroup, CalicoVersion, ns, Plural, "nameless", cancellationToken: Cancellation), 422, "Invalid");
        Assert.Equal("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch", (string?)status["message"]);
    }

    [Fact]
    public async Task Force_on_a_patch_that_is_no_apply_is_422()
    {
        var ns = await sandbox.NewNamespaceAsync();
        await ApplyAsync(NetworkPolicy("merged", ns, 1), ns, "palisade");
        var patch = new V1Patch("""{"spec":{"order":2}}""", V1Patch.PatchType.MergePatch);
        await StatusAssert.RefusedAsync(() => sandbox.Client.CustomObjects.PatchNamespacedCustomObjectAsync(patch, CalicoGroup, CalicoVersion, ns, Plural, "merged", force: true, cancellationToken: Cancellation), 422, "Invalid");
    }

    [Fact]
    public async Task Applying_again_without_a_field_removes_it_when_nobody_else_owns_it()
    {
        var ns = await sandbox.NewNamespaceAsync();
        var config = NetworkPolicy("shrinking", ns, 100);
        config["metadata"]!["labels"] = new JsonObject { ["team"] = "shop" };
        await ApplyAsync(config, ns, "palisade");

        config["metadata"]!.AsObject().Remove("labels");
        config["spec"]!.AsObject().Remove("ingress");
        var updated = await ApplyAsync(config, ns, "palisade");
        Assert.Null(updated["spec"]?["ingress"]);
        Assert.Null(updated["metadata"]?["labels"]?["team"]);
        Assert.Equal(100, (int?)updated["spec"]?["order"]);
    }

    [Fact]
    public async Task A_field_changed_by_a_merge_patch_moves_to_that_manager_and_applying_it_back_conflicts()
    {
        var ns = await sandbox.NewNamespaceAsync();
        await ApplyAsync(NetworkPolicy("drifted", ns, 100), ns, "palisade");
        var patch = new V1Patch("""{"spec":{"order":5}}""", V1Patch.PatchType.MergePatch);
        var patched = Parse(await sandbox.Client.CustomObjects.PatchNamespacedCustomObjectAsync(patch, CalicoGroup, CalicoVersion, ns, Plural, "drifted", fieldManager: "kubectl-edit", cancellationToken: Cancellation));

        var editor = Entry(patched, "kubectl-edit", "Update");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"f:spec":{"f:order":{}}}"""), editor["fieldsV1"]), editor["fieldsV1"]!.ToJsonString());
        var applier = Entry(patched, "palisade", "Apply");
        Assert.Null(applier["fieldsV1"]?["f:spec"]?["f:order"]);
        Assert.NotNull(applier["fieldsV1"]?["f:spec"]?["f:selector"]);

        var status = await StatusAssert.RefusedAsync(() => ApplyAsync(NetworkPolicy("drifted", ns, 100), ns, "palisade"), 409, "Conflict");
        Assert.Equal("Apply failed with 1 conflict: conflict with \"kubectl-edit\" using projectcalico.org/v3: .spec.order", (string?)status["message"]);
        var cause = status["details"]!["causes"]![0]!;
        Assert.Equal("FieldManagerConflict", (string?)cause["reason"]);
        Assert.Equal(".spec.order", (string?)cause["field"]);
        Assert.Equal("conflict with \"kubectl-edit\" using projectcalico.org/v3", (string?)cause["message"]);
    }

    [Fact]
    public async Task A_forced_apply_takes_the_conflicting_field_back()
    {
        var ns = await sandbox.NewNamespaceAsync();
        await ApplyAsync(NetworkPolicy("forced", ns, 100), ns, "palisade");
        var patch = new V1Patch("""{"spec":{"order":5}}""", V1Patch.PatchType.MergePatch);
        await sandbox.Client.CustomObjects.PatchNamespacedCustomObjectAsync(patch, CalicoGroup, CalicoVersion, ns, Plural, "forced", fieldManager: "intruder", cancellationToken: Cancellation);

        var forced = await ApplyAsync(NetworkPolicy("forced", ns, 100), ns, "palisade", force: true);
        Assert.Equal(100, (int?)forced["spec"]?["order"]);
        Assert.NotNull(Entry(forced, "palisade", "Apply")["fieldsV1"]?["f:spec"]?["f:order"]);
        // The intruder owned nothing else, so its entry is gone, as the real server drops empty entries.
        Assert.DoesNotContain(forced["metadata"]!["managedFields"]!.AsArray(), e => (string?)e?["manager"] == "intruder");
    }

    [Fact]
    public async Task Applying_a_value_another_manager_set_identically_shares_the_field_without_conflict()
    {
        var ns = await sandbox.NewNamespaceAsync();
        await sandbox.Client.CustomObjects.CreateNamespacedCustomObjectAsync(NetworkPolicy("shared", ns, 100), CalicoGroup, CalicoVersion, ns, Plural, fieldManager: "creator", cancellationToken: Cancellation);
        var applied = await ApplyAsync(NetworkPolicy("shared", ns, 100), ns, "palisade");
        Assert.NotNull(Entry(applied, "creator", "Update")["fieldsV1"]?["f:spec"]?["f:order"]);
        Assert.NotNull(Entry(applied, "palisade", "Apply")["fieldsV1"]?["f:spec"]?["f:order"]);
    }

    [Fact]
    public async Task Writes_without_a_field_manager_are_recorded_under_the_user_agent_product()
    {
        var ns = await sandbox.NewNamespaceAsync();
        using var http = sandbox.RawClient();
        http.DefaultRequestHeaders.UserAgent.ParseAdd("some-tool/1.2.3");
        using var body = new StringContent(NetworkPolicy("by-agent", ns, 1).ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync($"/apis/projectcalico.org/v3/namespaces/{ns}/networkpolicies", body, Cancellation);
        var created = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancellation))!.AsObject();
        Assert.Equal("some-tool", (string?)created["metadata"]!["managedFields"]![0]!["manager"]);
    }

    [Fact]
    public async Task Apply_takes_a_YAML_body()
    {
        var ns = await sandbox.NewNamespaceAsync();
        var yaml = $"""
            apiVersion: projectcalico.org/v3
            kind: NetworkPolicy
            metadata:
              name: from-yaml
              namespace: {ns}
            spec:
              order: 7
              selector: app == 'db'
              types: [Egress]
            """;
        // The official client sends apply bodies as JSON; a YAML one goes as kubectl-less tools send it.
        using var http = sandbox.RawClient();
        using var body = new StringContent(yaml, System.Text.Encoding.UTF8, "application/apply-patch+yaml");
        using var response = await http.PatchAsync($"/apis/projectcalico.org/v3/namespaces/{ns}/networkpolicies/from-yaml?fieldManager=palisade", body, Cancellation);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var applied = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancellation))!.AsObject();
        Assert.Equal(7, (int?)applied["spec"]?["order"]);
        Assert.Equal("Egress", (string?)applied["spec"]?["types"]?[0]);
    }

    [Fact]
    public async Task Labels_are_owned_key_by_key_in_the_managed_fields()
    {
        var ns = await sandbox.NewNamespaceAsync();
        var config = NetworkPolicy("labelled", ns, 1);
        config["metadata"]!["labels"] = new JsonObject { ["team"] = "shop" };
        var applied = await ApplyAsync(config, ns, "palisade");
        var labels = Entry(applied, "palisade", "Apply")["fieldsV1"]?["f:metadata"]?["f:labels"];
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{".":{},"f:team":{}}"""), labels), labels?.ToJsonString());
    }
}
