using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using static Palisade.Sandbox.Tests.CalicoObjects;

namespace Palisade.Sandbox.Tests;

public sealed class WatchTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly TestSandbox sandbox = fixture.Sandbox;
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static V1ConfigMap ConfigMap(string name, string value) =>
        new() { Metadata = new V1ObjectMeta { Name = name }, Data = new Dictionary<string, string> { ["v"] = value } };

    /// <summary>Reads events of the official client's WatchAsync until <paramref name="count"/> have come.</summary>
    private static async Task<List<(WatchEventType Type, T Object)>> TakeAsync<T>(IAsyncEnumerable<(WatchEventType, T)> events, int count, CancellationTokenSource stop)
    {
        var seen = new List<(WatchEventType, T)>();
        await foreach (var e in events.WithCancellation(stop.Token))
        {
            seen.Add(e);
            if (seen.Count == count)
            {
                await stop.CancelAsync();
                break;
            }
        }

        return seen;
    }

    [Fact]
    public async Task The_official_client_sees_added_modified_and_deleted_in_order()
    {
        var ns = await sandbox.NewNamespaceAsync();
        var start = (await sandbox.Client.CoreV1.ListNamespacedConfigMapAsync(ns, cancellationToken: Cancellation)).Metadata.ResourceVersion;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        stop.CancelAfter(TimeSpan.FromSeconds(10));
        var watching = TakeAsync(sandbox.Client.CoreV1.WatchListNamespacedConfigMapAsync(ns, resourceVersion: start, cancellationToken: stop.Token), 3, stop);

        var created = await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("w", "1"), ns, cancellationToken: Cancellation);
        created.Data["v"] = "2";
        await sandbox.Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "w", ns, cancellationToken: Cancellation);
        await sandbox.Client.CoreV1.DeleteNamespacedConfigMapAsync("w", ns, cancellationToken: Cancellation);

        var events = await watching;
        Assert.Equal([WatchEventType.Added, WatchEventType.Modified, WatchEventType.Deleted], events.Select(e => e.Type));
        Assert.Equal("2", events[1].Object.Data["v"]);
        var versions = events.Select(e => long.Parse(e.Object.Metadata.ResourceVersion)).ToList();
        Assert.Equal(versions.Order(), versions);
        Assert.Equal(3, versions.Distinct().Count());
    }

    [Fact]
    public async Task A_watch_of_Calico_policies_through_the_custom_objects_api_sees_a_change()
    {
        var ns = await sandbox.NewNamespaceAsync();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        stop.CancelAfter(TimeSpan.FromSeconds(10));
        var response = sandbox.Client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync(CalicoGroup, CalicoVersion, ns, "networkpolicies", watch: true, cancellationToken: stop.Token);
#pragma warning disable CS0618 // The older watch form, which clients written against earlier versions of the library still use.
        var watching = TakeAsync(response.WatchAsync<JsonObject, object>(cancellationToken: stop.Token), 1, stop);
#pragma warning restore CS0618
        await sandbox.Client.CustomObjects.CreateNamespacedCustomObjectAsync(NetworkPolicy("watched", ns, 1), CalicoGroup, CalicoVersion, ns, "networkpolicies", cancellationToken: Cancellation);
        var (type, obj) = Assert.Single(await watching);
        Assert.Equal(WatchEventType.Added, type);
        Assert.Equal("watched", (string?)obj["metadata"]?["name"]);
    }

    [Fact]
    public async Task A_watch_of_all_namespaces_with_bookmarks_as_palisade_runs_it_sees_changes_and_bookmarks()
    {
        var ns = await sandbox.NewNamespaceAsync();
        var start = Parse(await sandbox.Client.CustomObjects.ListClusterCustomObjectAsync(CalicoGroup, CalicoVersion, "networkpolicies", cancellationToken: Cancellation))["metadata"]!["resourceVersion"]!.ToString();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        stop.CancelAfter(TimeSpan.FromSeconds(10));
        var events = sandbox.Client.CustomObjects.WatchListClusterCustomObjectAsync(CalicoGroup, CalicoVersion, "networkpolicies", allowWatchBookmarks: true, resourceVersion: start, cancellationToken: stop.Token);
        var seen = new List<WatchEventType>();
        await sandbox.Client.CustomObjects.CreateNamespacedCustomObjectAsync(NetworkPolicy("everywhere", ns, 1), CalicoGroup, CalicoVersion, ns, "networkpolicies", cancellationToken: Cancellation);
        await foreach (var (type, _) in events)
        {
            seen.Add(type);
            if (seen.Contains(WatchEventType.Added) && seen.Contains(WatchEventType.Bookmark))
            {
                await stop.CancelAsync();
                break;
            }
        }

        Assert.Contains(WatchEventType.Added, seen);
        Assert.Contains(WatchEventType.Bookmark, seen);
    }

    [Fact]
    public async Task A_watch_without_a_resource_version_starts_with_the_current_objects()
    {
        var ns = await sandbox.NewNamespaceAsync();
        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("existing", "1"), ns, cancellationToken: Cancellation);
        await using var watch = await RawWatch.OpenAsync(sandbox, $"/api/v1/namespaces/{ns}/configmaps?watch=1");
        var first = await watch.NextAsync();
        Assert.Equal("ADDED", (string?)first?["type"]);
        Assert.Equal("existing", (string?)first?["object"]?["metadata"]?["name"]);
    }

    [Fact]
    public async Task A_watch_resumes_after_a_resource_version_with_the_changes_made_since()
    {
        var ns = await sandbox.NewNamespaceAsync();
        var created = await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("resumed", "1"), ns, cancellationToken: Cancellation);
        created.Data["v"] = "2";
        var replaced = await sandbox.Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "resumed", ns, cancellationToken: Cancellation);
        await sandbox.Client.CoreV1.DeleteNamespacedConfigMapAsync("resumed", ns, cancellationToken: Cancellation);

        await using var watch = await RawWatch.OpenAsync(sandbox, $"/api/v1/namespaces/{ns}/configmaps?watch=true&resourceVersion={created.Metadata.ResourceVersion}");
        var modified = await watch.NextAsync();
        Assert.Equal("MODIFIED", (string?)modified?["type"]);
        Assert.Equal(replaced.Metadata.ResourceVersion, (string?)modified?["object"]?["metadata"]?["resourceVersion"]);
        var deleted = await watch.NextAsync();
        Assert.Equal("DELETED", (string?)deleted?["type"]);
        Assert.True(long.Parse((string)deleted!["object"]!["metadata"]!["resourceVersion"]!) > long.Parse(replaced.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task A_watch_selects_by_label_and_across_namespaces()
    {
        var ns = await sandbox.NewNamespaceAsync();
        var start = (await sandbox.Client.CoreV1.ListConfigMapForAllNamespacesAsync(cancellationToken: Cancellation)).Metadata.ResourceVersion;
        await using var watch = await RawWatch.OpenAsync(sandbox, $"/api/v1/configmaps?watch=true&resourceVersion={start}&labelSelector=pick%3D{ns}");
        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("skipped", "1"), ns, cancellationToken: Cancellation);
        var picked = ConfigMap("picked", "1");
        picked.Metadata.Labels = new Dictionary<string, string> { ["pick"] = ns };
        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(picked, ns, cancellationToken: Cancellation);
        var first = await watch.NextChangeAsync();
        Assert.Equal("picked", (string?)first?["object"]?["metadata"]?["name"]);
    }

    [Fact]
    public async Task A_label_selected_watch_sees_an_object_entering_as_added_and_leaving_as_deleted()
    {
        var ns = await sandbox.NewNamespaceAsync();
        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("moving", "1"), ns, cancellationToken: Cancellation);
        var start = (await sandbox.Client.CoreV1.ListNamespacedConfigMapAsync(ns, cancellationToken: Cancellation)).Metadata.ResourceVersion;
        await using var watch = await RawWatch.OpenAsync(sandbox, $"/api/v1/namespaces/{ns}/configmaps?watch=true&resourceVersion={start}&labelSelector=managed");

        await sandbox.Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"labels":{"managed":"yes"}}}""", V1Patch.PatchType.MergePatch), "moving", ns, cancellationToken: Cancellation);
        await sandbox.Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"v":"2"}}""", V1Patch.PatchType.MergePatch), "moving", ns, cancellationToken: Cancellation);
        var left = await sandbox.Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"labels":{"managed":null}}}""", V1Patch.PatchType.MergePatch), "moving", ns, cancellationToken: Cancellation);

        Assert.Equal("ADDED", (string?)(await watch.NextChangeAsync())?["type"]);
        Assert.Equal("MODIFIED", (string?)(await watch.NextChangeAsync())?["type"]);
        var deleted = await watch.NextChangeAsync();
        Assert.Equal("DELETED", (string?)deleted?["type"]);
        Assert.Equal(left.Metadata.ResourceVersion, (string?)deleted?["object"]?["metadata"]?["resourceVersion"]);
        Assert.Equal("yes", (string?)deleted?["object"]?["metadata"]?["labels"]?["managed"]);
    }

    [Fact]
    public async Task Bookmarks_come_when_allowed_and_carry_only_a_resource_version()
    {
        var ns = await sandbox.NewNamespaceAsync();
        var start = (await sandbox.Client.CoreV1.ListNamespacedConfigMapAsync(ns, cancellationToken: Cancellation)).Metadata.ResourceVersion;
        await using var watch = await RawWatch.OpenAsync(sandbox, $"/api/v1/namespaces/{ns}/configmaps?watch=true&resourceVersion={start}&allowWatchBookmarks=true");
        var bookmark = await watch.NextAsync();
        Assert.Equal("BOOKMARK", (string?)bookmark?["type"]);
        Assert.Equal("ConfigMap", (string?)bookmark?["object"]?["kind"]);
        Assert.True(long.Parse((string)bookmark!["object"]!["metadata"]!["resourceVersion"]!) >= long.Parse(start));
        Assert.Null(bookmark["object"]!["data"]);
    }

    [Fact]
    public async Task Send_initial_events_ends_the_initial_list_with_a_marked_bookmark()
    {
        var ns = await sandbox.NewNamespaceAsync();
        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("initial", "1"), ns, cancellationToken: Cancellation);
        await using var watch = await RawWatch.OpenAsync(sandbox, $"/api/v1/namespaces/{ns}/configmaps?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true");
        Assert.Equal("ADDED", (string?)(await watch.NextAsync())?["type"]);
        var end = await watch.NextAsync();
        Assert.Equal("BOOKMARK", (string?)end?["type"]);
        Assert.Equal("true", (string?)end?["object"]?["metadata"]?["annotations"]?["k8s.io/initial-events-end"]);
    }

    [Fact]
    public async Task TimeoutSeconds_ends_the_stream()
    {
        var ns = await sandbox.NewNamespaceAsync();
        await using var watch = await RawWatch.OpenAsync(sandbox, $"/api/v1/namespaces/{ns}/configmaps?watch=true&timeoutSeconds=1");
        Assert.Null(await watch.NextAsync());
    }

    [Fact]
    public async Task A_watch_from_before_the_kept_history_gets_a_410_Expired_error_event()
    {
        await using var small = await TestSandbox.StartAsync(new SandboxOptions { WatchHistoryLimit = 3 });
        var ns = await small.NewNamespaceAsync();
        var first = await small.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("churn", "0"), ns, cancellationToken: Cancellation);
        for (var i = 1; i <= 5; i++)
        {
            var current = await small.Client.CoreV1.ReadNamespacedConfigMapAsync("churn", ns, cancellationToken: Cancellation);
            current.Data["v"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await small.Client.CoreV1.ReplaceNamespacedConfigMapAsync(current, "churn", ns, cancellationToken: Cancellation);
        }

        await using var watch = await RawWatch.OpenAsync(small, $"/api/v1/namespaces/{ns}/configmaps?watch=true&resourceVersion={first.Metadata.ResourceVersion}");
        var error = await watch.NextAsync();
        Assert.Equal("ERROR", (string?)error?["type"]);
        var status = error!["object"]!;
        Assert.Equal("Status", (string?)status["kind"]);
        Assert.Equal(410, (int?)status["code"]);
        Assert.Equal("Expired", (string?)status["reason"]);
        Assert.StartsWith($"too old resource version: {first.Metadata.ResourceVersion} (", (string?)status["message"]);
        Assert.Null(await watch.NextAsync());

        // The official client reports an event carrying a Status to onError as a KubernetesException, then sees the stream end.
        var errors = new List<Exception>();
        var events = small.Client.CustomObjects.WatchListClusterCustomObjectAsync(CalicoGroup, CalicoVersion, "networkpolicies", allowWatchBookmarks: true, resourceVersion: first.Metadata.ResourceVersion, onError: errors.Add, cancellationToken: Cancellation);
        await foreach (var (type, _) in events)
        {
            Assert.Fail($"no {type} event was expected after the 410");
        }

        Assert.Equal(410, Assert.IsType<KubernetesException>(Assert.Single(errors)).Status.Code);
    }
}
