using System.Text.Json.Nodes;

namespace Palisade.Kube.Cluster;

public enum ClusterWatchEventType
{
    Added,
    Modified,
    Deleted,
    Bookmark,
}

/// <summary>One event of a watch: what happened and the object as it is now (as it was last, for a deletion).</summary>
public sealed record ClusterWatchEvent(ClusterWatchEventType Type, JsonObject Object);
