namespace Palisade.Sandbox.Storage;

/// <summary>
/// The last events, to replay to a watch that resumes from an older resourceVersion. Bounded like the watch cache
/// of kube-apiserver: a watch from before the oldest kept event has missed changes and gets 410 Gone.
/// </summary>
internal sealed class WatchHistory(int limit)
{
    private readonly Queue<StoredEvent> events = new();

    /// <summary>The revision of the newest event dropped; a watch from before it cannot be resumed.</summary>
    public long DroppedThrough { get; private set; }

    public void Add(StoredEvent stored)
    {
        events.Enqueue(stored);
        while (events.Count > limit)
        {
            DroppedThrough = events.Dequeue().Revision;
        }
    }

    public bool CanResumeFrom(long revision) => revision >= DroppedThrough;

    public IEnumerable<StoredEvent> After(long revision) => events.Where(e => e.Revision > revision);
}
