using Palisade.GitOps.Audit;
using Palisade.GitOps.Source;
using Palisade.GitOps.Sync;
using Palisade.GitOps.Tests.Support;
using Palisade.Kube.Cluster;

namespace Palisade.GitOps.Tests.EndToEnd;

/// <summary>
/// Revisions the controller must refuse as a whole: the cluster keeps the last good revision, nothing of the bad one
/// lands, and the audit log says why, with the file and line where there is one.
/// </summary>
public sealed class SyncRefusalTests
{
    private static readonly ResourceType CalicoPolicy = ResourceTypes.Find("projectcalico.org/v3", "NetworkPolicy")!;
    private const string NewPolicyPath = "policies/shop/networkpolicy-cart.yaml";

    [Fact]
    public async Task A_manifest_that_is_not_valid_yaml_is_refused_with_its_file_and_line()
    {
        var refusal = await RefuseAsync(repository => repository
            .Write(NewPolicyPath, Manifests.CalicoPolicy("cart", "shop", 730))
            .Write("policies/shop/broken.yaml", "apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata:\n  name: [unclosed\n"));

        Assert.Equal(RefusalReason.InvalidManifest, refusal.Reason);
        var violation = Assert.Single(refusal.Violations);
        Assert.Equal("policies/shop/broken.yaml", violation.File);
        Assert.NotNull(violation.Line);
    }

    [Fact]
    public async Task A_yaml_alias_bomb_is_refused_without_being_expanded()
    {
        var bomb = string.Join('\n', new[] { "a: &a [x, x, x, x, x, x, x, x, x, x]" }
            .Concat(Enumerable.Range(1, 9).Select(i => $"{(char)('a' + i)}: &{(char)('a' + i)} [*{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}]")));
        var refusal = await RefuseAsync(repository => repository
            .Write(NewPolicyPath, Manifests.CalicoPolicy("cart", "shop", 730))
            .Write("policies/shop/bomb.yaml", bomb + "\n"));

        Assert.Equal(RefusalReason.InvalidManifest, refusal.Reason);
        var violation = Assert.Single(refusal.Violations);
        Assert.Equal("policies/shop/bomb.yaml", violation.File);
        Assert.Contains("alias bomb", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kind_outside_the_allowed_kinds_is_refused()
    {
        var refusal = await RefuseAsync(repository => repository
            .Write(NewPolicyPath, Manifests.CalicoPolicy("cart", "shop", 730))
            .Write("policies/shop/role.yaml", """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata:
                  name: everything
                rules:
                  - apiGroups: ["*"]
                    resources: ["*"]
                    verbs: ["*"]
                """));

        Assert.Equal(RefusalReason.ForbiddenKind, refusal.Reason);
        Assert.Equal("policies/shop/role.yaml", Assert.Single(refusal.Violations).File);
    }

    [Fact]
    public async Task A_symbolic_link_that_leaves_the_repository_is_refused()
    {
        var refusal = await RefuseAsync(repository => repository
            .Write(NewPolicyPath, Manifests.CalicoPolicy("cart", "shop", 730))
            .Link("policies/shop/passwd.yaml", "../../../../../../etc/passwd"));

        Assert.Equal(RefusalReason.PathEscape, refusal.Reason);
        Assert.Contains("passwd.yaml", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_policy_that_breaks_the_governance_rules_is_refused_with_the_rule_message()
    {
        var refusal = await RefuseAsync(repository => repository.Write(NewPolicyPath, Manifests.CalicoPolicy("cart", "shop", 400)));

        Assert.Equal(RefusalReason.PolicyViolation, refusal.Reason);
        var violation = Assert.Single(refusal.Violations);
        Assert.Equal(NewPolicyPath, violation.File);
        Assert.Contains("order 400 is below 500", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsigned_commit_is_refused_when_signatures_are_required()
    {
        using var keys = new TempFolder();
        var ana = new SshKey(keys.Path, "ana");
        var signers = keys.Combine("allowed_signers");
        File.WriteAllText(signers, ana.AllowedSignersLine("ana@example.com") + "\n");

        var refusal = await RefuseAsync(
            repository => repository.Write(NewPolicyPath, Manifests.CalicoPolicy("cart", "shop", 730)),
            o => o with { Signatures = new SignaturePolicy { AllowedSignersFile = signers } },
            signingKey: ana.PrivateKey,
            signLast: false);

        Assert.Equal(RefusalReason.Unsigned, refusal.Reason);
    }

    [Fact]
    public async Task A_commit_signed_by_a_key_that_is_not_allowed_is_refused_and_one_signed_by_an_allowed_key_is_applied()
    {
        Kubectl.RequireInstalled();
        using var folder = new TempFolder();
        var ana = new SshKey(folder.Path, "ana");
        var mallory = new SshKey(folder.Path, "mallory");
        var signers = folder.Combine("allowed_signers");
        File.WriteAllText(signers, ana.AllowedSignersLine("ana@example.com") + "\n");
        var repository = Manifests.ShopRepository(folder);
        repository.CommitSignedWithSsh("signed by the team", ana.PrivateKey);
        await using var sync = await SyncHarness.StartAsync(repository.Path, o => o with { Signatures = new SignaturePolicy { AllowedSignersFile = signers } });
        Assert.Equal(SyncOutcomeKind.Applied, (await sync.SyncAsync()).Kind);
        Assert.Equal("ana@example.com", Assert.Single(sync.Events<SyncEvent>()).Signer);

        repository.Write(NewPolicyPath, Manifests.CalicoPolicy("cart", "shop", 730)).CommitSignedWithSsh("cart", mallory.PrivateKey);
        var result = await sync.SyncAsync();

        Assert.Equal(SyncOutcomeKind.Refused, result.Kind);
        Assert.Equal(RefusalReason.SignatureInvalid, result.Refusal!.Reason);
        Assert.Null(await sync.GetAsync(CalicoPolicy, "shop", "cart"));
    }

    /// <summary>
    /// Applies the shop repository, commits <paramref name="change"/> on top, and checks the second revision is
    /// refused as a whole: the new policy is absent and the first revision's objects are untouched.
    /// </summary>
    private static async Task<RefusalEvent> RefuseAsync(Func<TestRepository, TestRepository> change, Func<SyncOptions, SyncOptions>? configure = null, string? signingKey = null, bool signLast = true)
    {
        Kubectl.RequireInstalled();
        using var folder = new TempFolder();
        var repository = Manifests.ShopRepository(folder);
        if (signingKey is not null)
        {
            repository.CommitSignedWithSsh("signed by the team", signingKey);
        }

        await using var sync = await SyncHarness.StartAsync(repository.Path, configure);
        Assert.Equal(SyncOutcomeKind.Applied, (await sync.SyncAsync()).Kind);
        var before = sync.Kubectl.Run("get", "networkpolicies.projectcalico.org", "-n", "shop", "-o", "json");

        change(repository);
        if (signLast && signingKey is not null)
        {
            repository.CommitSignedWithSsh("the change to refuse", signingKey);
        }
        else
        {
            repository.Commit("the change to refuse");
        }

        var result = await sync.SyncAsync();

        Assert.Equal(SyncOutcomeKind.Refused, result.Kind);
        Assert.Null(await sync.GetAsync(CalicoPolicy, "shop", "cart"));
        Assert.Equal(before, sync.Kubectl.Run("get", "networkpolicies.projectcalico.org", "-n", "shop", "-o", "json"));
        var refusal = Assert.Single(sync.Events<RefusalEvent>());
        Assert.Equal(result.Refusal!.Revision!.Commit, refusal.Revision);
        return refusal;
    }
}
