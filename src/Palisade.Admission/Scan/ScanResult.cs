using Palisade.Kube.Cluster;
using Palisade.Policy.Conftest;

namespace Palisade.Admission.Scan;

/// <summary>What a scan found: the check results of every object, how many objects were read, and the kinds the cluster does not serve.</summary>
public sealed record ScanResult(TestRun Run, int Objects, IReadOnlyList<ResourceType> Unserved);
