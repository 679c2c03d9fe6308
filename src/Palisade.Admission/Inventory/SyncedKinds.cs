using Palisade.Kube.Cluster;

namespace Palisade.Admission.Inventory;

/// <summary>
/// Reads a <c>--sync</c> kind, <c>group/version/Kind</c> or <c>v1/Kind</c> for the core group, as Gatekeeper's
/// <c>Config</c> names the kinds it syncs. The REST plural comes from the kinds Palisade already addresses, else from
/// the rule kubectl falls back on without discovery (lower case, consonant + <c>y</c> → <c>ies</c>, <c>s</c> →
/// <c>ses</c>, else <c>+s</c>), which holds for the built-in kinds templates read (Ingress, Service, StorageClass, …);
/// the inventory replaces it with a CRD's own plural where the kind is one (<see cref="ServedKinds"/>). Of the core
/// group only the kinds the cluster client can list and watch are accepted.
/// </summary>
public static class SyncedKinds
{
    private static IReadOnlyList<ResourceType> CoreKinds => ClusterClient.WatchableCoreKinds;

    /// <summary>The type of <paramref name="text"/>, or null with the reason in <paramref name="problem"/>.</summary>
    public static ResourceType? Parse(string text, out string? problem)
    {
        problem = null;
        var parts = text.Split('/');
        var (group, version, kind) = parts.Length switch
        {
            2 => (string.Empty, parts[0], parts[1]),
            3 => (parts[0], parts[1], parts[2]),
            _ => (string.Empty, string.Empty, string.Empty),
        };
        if (version.Length == 0 || kind.Length == 0 || (parts.Length == 3 && group.Length == 0))
        {
            problem = $"--sync {text}: not group/version/Kind (or v1/Kind for the core group), such as networking.k8s.io/v1/Ingress";
            return null;
        }

        if (group.Length == 0)
        {
            var core = CoreKinds.FirstOrDefault(t => t.Version == version && t.Kind == kind);
            if (core is null)
            {
                problem = $"--sync {text}: of the core group only {string.Join(", ", CoreKinds.Select(t => $"{t.ApiVersion}/{t.Kind}"))} can be synced";
            }

            return core;
        }

        return ResourceTypes.Find($"{group}/{version}", kind)
            ?? new ResourceType(group, version, kind, GuessPlural(kind), Namespaced: true);
    }

    private static string GuessPlural(string kind)
    {
        var lower = kind.ToLowerInvariant();
        return lower switch
        {
            _ when lower.EndsWith('s') => lower + "es",
            // Policy → policies, but Gateway → gateways: kubectl's own guess gets the second wrong.
            [.., var before, 'y'] when !"aeiou".Contains(before, StringComparison.Ordinal) => lower[..^1] + "ies",
            _ => lower + "s",
        };
    }
}
