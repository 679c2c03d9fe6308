using System.Text.Json.Nodes;
using Palisade.Kube.Cluster;

namespace Palisade.Admission.Inventory;

/// <summary>
/// The REST names of synced kinds as the cluster serves them. A kind Palisade does not know is looked up among the
/// cluster's CustomResourceDefinitions, whose <c>spec.names.plural</c> and <c>spec.scope</c> are what the API server
/// serves, as Gatekeeper finds them by discovery; where it is no CRD (a built-in kind) or the CRDs cannot be read,
/// the guess of <see cref="SyncedKinds"/> stands.
/// </summary>
internal sealed class ServedKinds(ClusterClient cluster)
{
    private static readonly ResourceType Definitions = new("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", Namespaced: false);

    private readonly Lock _gate = new();
    private Task<IReadOnlyList<JsonObject>>? _definitions;

    /// <summary>How the cluster serves <paramref name="kind"/>, and a note when its CRDs could not be read.</summary>
    public async Task<(ResourceType Kind, string? Problem)> ResolveAsync(ResourceType kind, CancellationToken cancellation)
    {
        if (kind.Group.Length == 0 || ResourceTypes.Find(kind.ApiVersion, kind.Kind) is not null)
        {
            return (kind, null);
        }

        IReadOnlyList<JsonObject> definitions;
        try
        {
            definitions = await DefinitionsAsync(cancellation).ConfigureAwait(false);
        }
        catch (ClusterException ex)
        {
            return (kind, $"CustomResourceDefinitions could not be read ({ex.Message}); the resource name {kind.Plural} is a guess");
        }

        foreach (var definition in definitions)
        {
            var spec = definition["spec"] as JsonObject;
            var names = spec?["names"] as JsonObject;
            if ((string?)spec?["group"] == kind.Group && (string?)names?["kind"] == kind.Kind
                && (spec?["versions"] as JsonArray ?? []).Any(v => (string?)v?["name"] == kind.Version)
                && (string?)names?["plural"] is { Length: > 0 } plural)
            {
                return (kind with { Plural = plural, Namespaced = (string?)spec?["scope"] != "Cluster" }, null);
            }
        }

        return (kind, null);
    }

    /// <summary>Forgets the CRDs read, so that the next resolution sees those created since (a kind that was not served yet).</summary>
    public void Forget()
    {
        lock (_gate)
        {
            _definitions = null;
        }
    }

    // One read serves every kind; a read that failed is tried again by the next resolution.
    private Task<IReadOnlyList<JsonObject>> DefinitionsAsync(CancellationToken cancellation)
    {
        lock (_gate)
        {
            if (_definitions is null || _definitions.IsFaulted || _definitions.IsCanceled)
            {
                _definitions = ReadAsync(cancellation);
            }

            return _definitions;
        }
    }

    private async Task<IReadOnlyList<JsonObject>> ReadAsync(CancellationToken cancellation) =>
        (await cluster.ListAsync(Definitions, null, cancellation).ConfigureAwait(false)).Items;
}
