namespace Palisade.Admission.Inventory;

/// <summary>The kubeconfig given for the inventory cannot be read or used.</summary>
public sealed class InventoryKubeconfigException(string message, Exception inner) : Exception(message, inner);
