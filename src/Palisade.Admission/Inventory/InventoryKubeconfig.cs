using k8s;
using k8s.Exceptions;
using Palisade.Kube.Cluster;

namespace Palisade.Admission.Inventory;

/// <summary>The cluster client the inventory reads through, from <c>--inventory-kubeconfig</c>.</summary>
public static class InventoryKubeconfig
{
    /// <summary>A client for the kubeconfig's current context; a file that cannot be read or used throws, naming it.</summary>
    public static ClusterClient Connect(string path)
    {
        try
        {
            return new ClusterClient(new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(path)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or KubeConfigException or YamlDotNet.Core.YamlException or FormatException)
        {
            throw new InventoryKubeconfigException($"--inventory-kubeconfig {path}: {ex.Message.ReplaceLineEndings(" ")}", ex);
        }
    }
}
