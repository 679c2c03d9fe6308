using System.CommandLine;
using k8s;
using Palisade.GitOps;
using Palisade.GitOps.Scope;
using Palisade.GitOps.SelfHeal;
using Palisade.GitOps.Source;
using Palisade.GitOps.Sync;
using Palisade.Kube.Cluster;

namespace Palisade.Cli.Commands;

/// <summary>The flags <c>palisade sync</c> and <c>palisade diff</c> share: where the policy comes from, what may be applied, which cluster.</summary>
internal sealed class SyncArguments
{
    public Argument<string> Source { get; } = new("source") { Description = "Git URL (https://, ssh://, file://), or a local folder (a folder inside a git work tree is read from its committed HEAD)." };

    public Option<string?> Ref { get; } = new("--ref") { Description = "Branch, tag or commit to apply (default: the remote's HEAD branch)." };

    public Option<string> Path { get; } = new("--path") { Description = "Folder of the repository that holds the policy repository layout.", DefaultValueFactory = _ => string.Empty };

    public Option<string?> Manifests { get; } = new("--manifests") { Description = "Folder of manifests, relative to --path (default: policies if present, else everything)." };

    public Option<string?> Policy { get; } = new("--policy") { Description = "Folder of Rego governance rules every revision must pass (default: policy if present; \"\" to turn off)." };

    public Option<string[]> AllowKind { get; } = new("--allow-kind") { Description = "A kind that may be applied, as group/Kind (repeatable; default: NetworkPolicy and the Calico policy, set and tier kinds)." };

    public Option<string[]> AllowNamespace { get; } = new("--allow-namespace") { Description = "A namespace objects may be applied in; globs allowed (repeatable; default: any)." };

    public Option<string> Name { get; } = new("--name") { Description = "Name of this sync: in the tracking label, the inventory and the lease.", DefaultValueFactory = _ => "default" };

    public Option<string> State { get; } = new("--state") { Description = "State folder: audit log, status, mirror of the repository.", DefaultValueFactory = _ => StateDirectory.Default };

    public Option<string?> Kubeconfig { get; } = new("--kubeconfig") { Description = "kubeconfig of the cluster (default: $KUBECONFIG, ~/.kube/config, or the in-cluster service account)." };

    public Option<string> InventoryNamespace { get; } = new("--inventory-namespace") { Description = "Namespace of the inventory ConfigMap (the controller's own).", DefaultValueFactory = _ => "palisade-system" };

    public Option<bool> Prune { get; } = new("--prune") { Description = "Delete objects that Git no longer has (never objects Palisade did not make)." };

    public Option<double> MaxPruneShare { get; } = new("--max-prune-share") { Description = "Largest share of managed objects one sync may delete.", DefaultValueFactory = _ => 0.5 };

    public Option<bool> ForcePrune { get; } = new("--force-prune") { Description = "Prune even everything, or more than --max-prune-share." };

    public Option<bool> VerifySignatures { get; } = new("--verify-signatures") { Description = "Apply only commits signed by a key of --allowed-signers or --gpg-keys." };

    public Option<string?> AllowedSigners { get; } = new("--allowed-signers") { Description = "SSH allowed signers file (git's gpg.ssh.allowedSignersFile format)." };

    public Option<string?> GpgKeys { get; } = new("--gpg-keys") { Description = "Folder of allowed GPG public keys (*.asc, *.gpg)." };

    public Option<string?> TokenFile { get; } = new("--token-file") { Description = "File holding an https access token." };

    public Option<string?> TokenEnv { get; } = new("--token-env") { Description = "Environment variable holding an https access token." };

    public Option<string?> CaFile { get; } = new("--ca-file") { Description = "PEM file of the certificate authorities to trust for an https source (a private git server)." };

    public Option<string?> SshKey { get; } = new("--ssh-key") { Description = "SSH private key for ssh:// sources." };

    public Option<string?> KnownHosts { get; } = new("--known-hosts") { Description = "known_hosts file; with it, host keys are checked strictly." };

    /// <summary>Adds the shared argument and options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Add(Source);
        foreach (var option in new Option[]
        {
            Ref, Path, Manifests, Policy, AllowKind, AllowNamespace, Name, State, Kubeconfig, InventoryNamespace,
            Prune, MaxPruneShare, ForcePrune, VerifySignatures, AllowedSigners, GpgKeys, TokenFile, TokenEnv, CaFile, SshKey, KnownHosts,
        })
        {
            command.Add(option);
        }
    }
    public GitSourceOptions SourceOptions(ParseResult result) => new()
    {
        Url = result.GetRequiredValue(Source),
        Ref = result.GetValue(Ref),
        Path = result.GetRequiredValue(Path),
        TokenFile = result.GetValue(TokenFile),
        TokenEnvironmentVariable = result.GetValue(TokenEnv),
        CaFile = result.GetValue(CaFile),
        SshKeyFile = result.GetValue(SshKey),
        KnownHostsFile = result.GetValue(KnownHosts),
    };

    /// <summary>The sync's options; an ArgumentException says which flag is wrong.</summary>
    public SyncOptions SyncOptions(ParseResult result, HealMode? selfHeal, TimeSpan interval)
    {
        var kinds = result.GetValue(AllowKind) is { Length: > 0 } allowed ? allowed : SyncScope.DefaultKinds;
        var scope = new SyncScope { Kinds = kinds, Namespaces = result.GetValue(AllowNamespace) ?? [] };
        _ = scope.Types();
        var share = result.GetValue(MaxPruneShare);
        if (share is <= 0 or > 1)
        {
            throw new ArgumentException($"--max-prune-share {share}: must be more than 0 and at most 1");
        }

        SignaturePolicy? signatures = null;
        if (result.GetValue(VerifySignatures))
        {
            var signers = result.GetValue(AllowedSigners);
            var keys = result.GetValue(GpgKeys);
            if (signers is null && keys is null)
            {
                throw new ArgumentException("--verify-signatures needs --allowed-signers FILE and/or --gpg-keys DIR");
            }

            signatures = new SignaturePolicy { AllowedSignersFile = signers, GpgKeysDirectory = keys };
        }

        return new SyncOptions
        {
            Name = result.GetRequiredValue(Name),
            ManifestsPath = result.GetValue(Manifests),
            PolicyPath = result.GetValue(Policy),
            Scope = scope,
            Prune = result.GetValue(Prune),
            MaxPruneShare = share,
            ForcePrune = result.GetValue(ForcePrune),
            SelfHeal = selfHeal,
            Signatures = signatures,
            Interval = interval,
            StateDirectory = System.IO.Path.GetFullPath(result.GetRequiredValue(State)),
            InventoryNamespace = result.GetRequiredValue(InventoryNamespace),
        };
    }

    /// <summary>The client of the cluster the flags name: a kubeconfig, or the in-cluster service account.</summary>
    public static IKubernetes Cluster(string? kubeconfig) => new Kubernetes(Kubeconfigs.Load(kubeconfig));
}
