using Palisade.GitOps.Desired;
using Palisade.Kube.Cluster;

namespace Palisade.GitOps.SelfHeal;

/// <summary>The last revision the sync applied and its objects: what self-heal holds the cluster to. Immutable; replaced whole.</summary>
public sealed record AppliedState(string Revision, IReadOnlyDictionary<ObjectKey, DesiredObject> Objects);
