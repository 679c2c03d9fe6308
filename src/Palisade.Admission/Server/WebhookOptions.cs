using System.Net;
using Palisade.Kube.Cluster;

namespace Palisade.Admission.Server;

/// <summary>Everything <c>palisade webhook</c> is started with.</summary>
public sealed record WebhookOptions
{
    /// <summary>The API server's own limit on a request body; an object larger than this never reaches a webhook.</summary>
    public const long DefaultMaxBodyBytes = 3 * 1024 * 1024;

    public required PolicySources Sources { get; init; }

    public EvaluationSettings Evaluation { get; init; } = new();

    public required string TlsCertFile { get; init; }

    public required string TlsKeyFile { get; init; }

    /// <summary>The address to listen on; port 0 picks a free port (see <see cref="WebhookServer.Port"/>).</summary>
    public IPEndPoint Address { get; init; } = new(IPAddress.Any, 8443);

    public long MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;

    /// <summary>The kubeconfig of the cluster whose objects fill <c>data.inventory</c>; null keeps the inventory empty.</summary>
    public string? InventoryKubeconfig { get; init; }

    /// <summary>The kinds listed and watched into the inventory (Gatekeeper's <c>syncOnly</c>).</summary>
    public IReadOnlyList<ResourceType> SyncKinds { get; init; } = [];

    /// <summary>How often the policy and certificate files are looked at besides file system events.</summary>
    public TimeSpan ReloadInterval { get; init; } = TimeSpan.FromSeconds(5);
}
