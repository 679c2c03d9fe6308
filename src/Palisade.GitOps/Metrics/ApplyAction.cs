namespace Palisade.GitOps.Metrics;

/// <summary>What applying one object did; its lower-case name is the <c>action</c> label of palisade_objects_applied_total.</summary>
public enum ApplyAction
{
    Created,
    Configured,
}
