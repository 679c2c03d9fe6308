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
            return Kubeconfigs.Connect(path);
        }
        catch (KubeConfigException ex)
        {
            throw new InventoryKubeconfigException($"--inventory-kubeconfig {path}: {ex.Message.ReplaceLineEndings(" ")}", ex);
        }
    }
}
