using System.Text.Json.Nodes;
using Palisade.GitOps.Audit;
using Palisade.GitOps.SelfHeal;
using Palisade.GitOps.Sync;
using Palisade.GitOps.Tests.Support;
using Palisade.Kube.Cluster;

namespace Palisade.GitOps.Tests.EndToEnd;

/// <summary>
/// The sync controller against the sandbox API server, a real git repository and the real kubectl: what Git holds
/// reaches the cluster, what a person changes by hand is put back, and what Git removes is pruned.
/// </summary>
public sealed class SyncEndToEndTests
{
    private static readonly ResourceType CalicoPolicy = ResourceTypes.Find("projectcalico.org/v3", "NetworkPolicy")!;
    private static readonly TimeSpan HealDeadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_revision_reaches_the_cluster_and_the_audit_log_says_who_committed_it()
    {
        Kubectl.RequireInstalled();
        using var folder = new TempFolder();
        var repository = Manifests.ShopRepository(folder);
        var commit = repository.Head();
        await using var sync = await SyncHarness.StartAsync(repository.Path);

        var result = await sync.SyncAsync();

        Assert.Equal(SyncOutcomeKind.Applied, result.Kind);
        var names = sync.Kubectl.Run("get", "networkpolicies.projectcalico.org", "-n", "shop", "-o", "name");
        Assert.Equal(["networkpolicy.projectcalico.org/backend", "networkpolicy.projectcalico.org/frontend"], names.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("default-deny", sync.Kubectl.Run("get", "globalnetworkpolicies.projectcalico.org", "-o", "name"), StringComparison.Ordinal);
        var applied = Assert.Single(sync.Events<SyncEvent>());
        Assert.Equal(commit, applied.Revision);
        Assert.Contains("ana@example.com", applied.Author, StringComparison.Ordinal);
        Assert.Equal(3, applied.Changes.Count);
        Assert.All(applied.Changes, c => Assert.Equal(ChangeKind.Created, c.Change));
        Assert.Equal(SyncOutcomeKind.Unchanged, (await sync.SyncAsync()).Kind);
    }

    [Fact]
    public async Task A_policy_deleted_with_kubectl_is_put_back_within_seconds()
    {
        Kubectl.RequireInstalled();
        using var folder = new TempFolder();
        var repository = Manifests.ShopRepository(folder);
        await using var sync = await SyncHarness.StartAsync(repository.Path, o => o with { SelfHeal = HealMode.Revert });
        Assert.Equal(SyncOutcomeKind.Applied, (await sync.RunAsync()).Kind);

        sync.Kubectl.Run("delete", "networkpolicies.projectcalico.org", "backend", "-n", "shop");

        // The object is created again before the drift is written to the audit log, so wait for both.
        var back = await sync.WaitForAsync(CalicoPolicy, "shop", "backend", live => live is not null && sync.Events<DriftEvent>().Count > 0, HealDeadline);
        Assert.Equal(710, back!["spec"]!["order"]!.GetValue<int>());
        var drift = Assert.Single(sync.Events<DriftEvent>());
        Assert.Equal(DriftKind.Deleted, drift.Drift);
        Assert.True(drift.Reverted);
        Assert.Equal("backend", drift.Object.Name);
    }

    [Fact]
    public async Task A_field_changed_with_kubectl_is_put_back_and_the_audit_log_names_the_changer()
    {
        Kubectl.RequireInstalled();
        using var folder = new TempFolder();
        var repository = Manifests.ShopRepository(folder);
        await using var sync = await SyncHarness.StartAsync(repository.Path, o => o with { SelfHeal = HealMode.Revert });
        await sync.RunAsync();

        sync.Kubectl.Run("patch", "networkpolicies.projectcalico.org", "backend", "-n", "shop", "--type", "merge", "-p", """{"spec":{"order":1}}""");

        await sync.WaitForAsync(CalicoPolicy, "shop", "backend", live => Order(live) == 710 && sync.Events<DriftEvent>().Count > 0, HealDeadline);
        var drift = Assert.Single(sync.Events<DriftEvent>());
        Assert.Equal(DriftKind.Modified, drift.Drift);
        Assert.True(drift.Reverted);
        Assert.Contains(drift.ChangedBy ?? [], who => who.StartsWith("kubectl", StringComparison.Ordinal));
        Assert.Contains("order", drift.Diff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detect_only_records_the_drift_and_leaves_the_change_in_place()
    {
        Kubectl.RequireInstalled();
        using var folder = new TempFolder();
        var repository = Manifests.ShopRepository(folder);
        await using var sync = await SyncHarness.StartAsync(repository.Path, o => o with { SelfHeal = HealMode.DetectOnly });
        await sync.RunAsync();

        sync.Kubectl.Run("patch", "networkpolicies.projectcalico.org", "frontend", "-n", "shop", "--type", "merge", "-p", """{"spec":{"order":3}}""");

        await sync.WaitForAsync(CalicoPolicy, "shop", "frontend", _ => sync.Events<DriftEvent>().Count > 0, HealDeadline);
        var drift = Assert.Single(sync.Events<DriftEvent>());
        Assert.False(drift.Reverted);
        Assert.Equal(3, Order(await sync.GetAsync(CalicoPolicy, "shop", "frontend")));
    }

    [Fact]
    public async Task A_policy_removed_from_git_is_pruned_and_nothing_else_is()
    {
        Kubectl.RequireInstalled();
        using var folder = new TempFolder();
        var repository = Manifests.ShopRepository(folder);
        await using var sync = await SyncHarness.StartAsync(repository.Path);
        await sync.SyncAsync();
        // An object Palisade did not make, in the same namespace: prune must never touch it.
        var foreign = folder.Combine("made-by-hand.yaml");
        File.WriteAllText(foreign, Manifests.CalicoPolicy("made-by-hand", "shop", 900));
        sync.Kubectl.Run("apply", "-f", foreign);

        repository.Delete(Manifests.FrontendPath).Commit("shop: the frontend is gone");
        var result = await sync.SyncAsync();

        Assert.Equal(SyncOutcomeKind.Applied, result.Kind);
        var names = sync.Kubectl.Run("get", "networkpolicies.projectcalico.org", "-n", "shop", "-o", "name");
        Assert.Equal(["networkpolicy.projectcalico.org/backend", "networkpolicy.projectcalico.org/made-by-hand"], names.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var pruned = sync.Events<SyncEvent>()[^1];
        Assert.Equal(ChangeKind.Pruned, Assert.Single(pruned.Changes).Change);
    }

    [Fact]
    public async Task A_remote_that_disappears_leaves_the_last_good_revision_in_place()
    {
        Kubectl.RequireInstalled();
        using var folder = new TempFolder();
        var repository = Manifests.ShopRepository(folder);
        await using var sync = await SyncHarness.StartAsync(repository.Path);
        await sync.SyncAsync();

        Directory.Delete(Path.Combine(repository.Path, ".git"), recursive: true);
        var result = await sync.SyncAsync();

        Assert.Equal(SyncOutcomeKind.Refused, result.Kind);
        Assert.Equal(RefusalReason.FetchFailed, result.Refusal!.Reason);
        Assert.NotNull(await sync.GetAsync(CalicoPolicy, "shop", "backend"));
        Assert.Equal(RefusalReason.FetchFailed, Assert.Single(sync.Events<RefusalEvent>()).Reason);
    }

    private static int? Order(JsonObject? live) => live?["spec"]?["order"]?.GetValue<int>();
}
