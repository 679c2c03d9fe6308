using System.Net;

namespace Palisade.Kube.Cluster;

/// <summary>The API server refused or failed a request; <see cref="Status"/> is its HTTP status, 0 when it could not be reached.</summary>
public sealed class ClusterException(HttpStatusCode status, string reason, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>The Status object's reason (<c>NotFound</c>, <c>Conflict</c>, <c>Invalid</c>, …), or a short word of ours.</summary>
    public string Reason { get; } = reason;

    public bool IsNotFound => Status == HttpStatusCode.NotFound;

    /// <summary>Worth trying again: throttled (429), a server error (5xx), a stale resourceVersion (409 Conflict) or no answer at all.</summary>
    public bool IsTransient => Status is HttpStatusCode.TooManyRequests or 0 || (int)Status >= 500 || (Status == HttpStatusCode.Conflict && Reason == "Conflict");
}
