using k8s;
using k8s.Exceptions;

namespace Palisade.Kube.Cluster;

/// <summary>
/// Reads the client configuration every cluster-facing command uses: a kubeconfig file when one is named, else the
/// in-cluster service account when running in a pod, else <c>$KUBECONFIG</c> or <c>~/.kube/config</c>. A file that
/// cannot be read or is not a kubeconfig is one <see cref="KubeConfigException"/> naming it, whatever the client
/// library threw (its YAML reader's error, or a null reference for an empty file).
/// </summary>
public static class Kubeconfigs
{
    public static KubernetesClientConfiguration Load(string? path)
    {
        try
        {
            return path is not null
                ? KubernetesClientConfiguration.BuildConfigFromConfigFile(path)
                : KubernetesClientConfiguration.IsInCluster()
                    ? KubernetesClientConfiguration.InClusterConfig()
                    : KubernetesClientConfiguration.BuildDefaultConfig();
        }
        catch (KubeConfigException)
        {
            throw;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KubeConfigException($"kubeconfig {path ?? "(default)"} cannot be read: {ex.Message.ReplaceLineEndings(" ")}", ex);
        }
        catch (Exception ex) when (ex is YamlDotNet.Core.YamlException or FormatException or InvalidCastException or NullReferenceException)
        {
            // The library's own words here name its internals (a cast to K8SConfiguration, a null reference).
            throw new KubeConfigException($"kubeconfig {path ?? "(default)"} is not a kubeconfig file (YAML with clusters, users and contexts)", ex);
        }
    }

    /// <summary>A cluster client for <see cref="Load"/>'s configuration.</summary>
    public static ClusterClient Connect(string? path) => new(new k8s.Kubernetes(Load(path)));
}
