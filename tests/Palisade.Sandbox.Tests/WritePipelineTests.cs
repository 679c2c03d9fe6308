using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using static Palisade.Sandbox.Tests.CalicoObjects;

namespace Palisade.Sandbox.Tests;

public sealed class WritePipelineTests : IAsyncLifetime
{
    private TestSandbox sandbox = null!;
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => sandbox = await TestSandbox.StartAsync();

    public ValueTask DisposeAsync() => sandbox.DisposeAsync();

    [Fact]
    public async Task A_rejecting_check_refuses_a_create_with_its_status_and_nothing_is_stored()
    {
        var ns = await sandbox.NewNamespaceAsync();
        sandbox.Server.Writes.Add(request => request.Object?["spec"]?["order"]?.GetValue<int>() > 1000 ? WriteRejection.Forbidden("admission webhook \"order.palisade.dev\" denied the request: order above 1000") : null);

        var status = await StatusAssert.RefusedAsync(() => sandbox.Client.CustomObjects.CreateNamespacedCustomObjectAsync(NetworkPolicy("high", ns, 5000), CalicoGroup, CalicoVersion, ns, "networkpolicies", cancellationToken: Cancellation), 403, "Forbidden");
        Assert.Equal("admission webhook \"order.palisade.dev\" denied the request: order above 1000", (string?)status["message"]);
        await StatusAssert.RefusedAsync(() => sandbox.Client.CustomObjects.GetNamespacedCustomObjectAsync(CalicoGroup, CalicoVersion, ns, "networkpolicies", "high", Cancellation), 404, "NotFound");

        await sandbox.Client.CustomObjects.CreateNamespacedCustomObjectAsync(NetworkPolicy("low", ns, 5), CalicoGroup, CalicoVersion, ns, "networkpolicies", cancellationToken: Cancellation);
    }

    [Fact]
    public async Task Checks_see_each_operation_with_the_old_and_new_object_and_the_manager()
    {
        var ns = await sandbox.NewNamespaceAsync();
        var seen = new List<WriteRequest>();
        sandbox.Server.Writes.Add(request =>
        {
            lock (seen)
            {
                seen.Add(request);
            }

            return null;
        });
        var objects = sandbox.Client.CustomObjects;
        await objects.CreateNamespacedCustomObjectAsync(NetworkPolicy("p", ns, 1), CalicoGroup, CalicoVersion, ns, "networkpolicies", fieldManager: "creator", cancellationToken: Cancellation);
        await objects.PatchNamespacedCustomObjectAsync(new V1Patch("""{"spec":{"order":2}}""", V1Patch.PatchType.MergePatch), CalicoGroup, CalicoVersion, ns, "networkpolicies", "p", fieldManager: "patcher", cancellationToken: Cancellation);
        await objects.DeleteNamespacedCustomObjectAsync(CalicoGroup, CalicoVersion, ns, "networkpolicies", "p", cancellationToken: Cancellation);

        var mine = seen.Where(r => r.Namespace == ns).ToList();
        Assert.Equal([WriteOperation.Create, WriteOperation.Update, WriteOperation.Delete], mine.Select(r => r.Operation));
        Assert.Equal("creator", mine[0].FieldManager);
        Assert.Equal("patcher", mine[1].FieldManager);
        Assert.Equal(1, (int?)mine[1].OldObject?["spec"]?["order"]);
        Assert.Equal(2, (int?)mine[1].Object?["spec"]?["order"]);
        Assert.Null(mine[2].Object);
        Assert.Equal("p", mine[2].Name);
        Assert.Equal("NetworkPolicy", mine[2].Resource.Kind);
    }

    [Fact]
    public async Task Checks_run_in_order_and_the_first_rejection_wins()
    {
        var ns = await sandbox.NewNamespaceAsync();
        var calls = new List<string>();
        sandbox.Server.Writes.Add(_ =>
        {
            calls.Add("first");
            return WriteRejection.Invalid("spec.order: Invalid value: first check");
        });
        sandbox.Server.Writes.Add(_ =>
        {
            calls.Add("second");
            return WriteRejection.Forbidden("second check");
        });
        var status = await StatusAssert.RefusedAsync(() => sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "x" } }, ns, cancellationToken: Cancellation), 422, "Invalid");
        Assert.Equal("spec.order: Invalid value: first check", (string?)status["message"]);
        Assert.Equal(["first"], calls);
    }

    [Fact]
    public async Task A_rejection_refuses_applies_and_deletes_too()
    {
        var ns = await sandbox.NewNamespaceAsync();
        var objects = sandbox.Client.CustomObjects;
        await objects.CreateNamespacedCustomObjectAsync(NetworkPolicy("locked", ns, 1), CalicoGroup, CalicoVersion, ns, "networkpolicies", cancellationToken: Cancellation);
        var lockCheck = new LockedNames("locked");
        sandbox.Server.Writes.Add(lockCheck);

        var apply = new V1Patch(NetworkPolicy("locked", ns, 2).ToJsonString(), V1Patch.PatchType.ApplyPatch);
        await StatusAssert.RefusedAsync(() => objects.PatchNamespacedCustomObjectAsync(apply, CalicoGroup, CalicoVersion, ns, "networkpolicies", "locked", fieldManager: "m", force: true, cancellationToken: Cancellation), 403, "Forbidden");
        await StatusAssert.RefusedAsync(() => objects.DeleteNamespacedCustomObjectAsync(CalicoGroup, CalicoVersion, ns, "networkpolicies", "locked", cancellationToken: Cancellation), 403, "Forbidden");

        Assert.True(sandbox.Server.Writes.Remove(lockCheck));
        await objects.DeleteNamespacedCustomObjectAsync(CalicoGroup, CalicoVersion, ns, "networkpolicies", "locked", cancellationToken: Cancellation);
    }

    [Fact]
    public async Task Warnings_checks_add_reach_the_client_as_quoted_warning_headers_with_a_refusal_too()
    {
        var ns = await sandbox.NewNamespaceAsync();
        sandbox.Server.Writes.Add(request =>
        {
            request.AddWarning("no \"types\" given: ingress assumed");
            request.AddWarning("ordre élevé");
            request.AddWarning("no \"types\" given: ingress assumed");
            return request.Name == "refused" ? WriteRejection.WithStatus(429, "TooManyRequests", "slow down") : null;
        });
        using var http = sandbox.RawClient();

        using var created = await http.PostAsync(new Uri($"/api/v1/namespaces/{ns}/configmaps", UriKind.Relative), Json("""{"metadata":{"name":"kept"}}"""), Cancellation);
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["299 - \"no \\\"types\\\" given: ingress assumed\"", "299 - \"ordre \\u00e9lev\\u00e9\""], created.Headers.GetValues("Warning"));

        using var refused = await http.PostAsync(new Uri($"/api/v1/namespaces/{ns}/configmaps", UriKind.Relative), Json("""{"metadata":{"name":"refused"}}"""), Cancellation);
        Assert.Equal(429, (int)refused.StatusCode);
        Assert.Equal(2, refused.Headers.GetValues("Warning").Count());
        var status = JsonNode.Parse(await refused.Content.ReadAsStringAsync(Cancellation))!;
        Assert.Equal("TooManyRequests", (string?)status["reason"]);
        Assert.Equal("slow down", (string?)status["message"]);
    }

    [Fact]
    public void A_rejection_status_must_be_a_failure_code()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WriteRejection.WithStatus(200, "", "fine"));
        Assert.Equal(503, WriteRejection.WithStatus(503, "ServiceUnavailable", "later").Code);
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    /// <summary>A check written as a class, as the admission webhook will be: refuses any write to the named objects.</summary>
    private sealed class LockedNames(params string[] names) : IWriteCheck
    {
        public ValueTask<WriteRejection?> CheckAsync(WriteRequest request, CancellationToken cancellation) =>
            ValueTask.FromResult(names.Contains(request.Name) ? WriteRejection.Forbidden($"{request.Name} is locked") : null);
    }
}
