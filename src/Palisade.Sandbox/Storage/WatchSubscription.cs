using System.Threading.Channels;

namespace Palisade.Sandbox.Storage;

/// <summary>The events of one resource delivered to one watch, in revision order; disposing it stops delivery.</summary>
internal sealed class WatchSubscription(SandboxResource resource, Action<WatchSubscription> unsubscribe) : IDisposable
{
    private readonly Channel<StoredEvent> events = Channel.CreateUnbounded<StoredEvent>();

    public SandboxResource Resource { get; } = resource;

    public ChannelReader<StoredEvent> Events => events.Reader;

    /// <summary>Called by the store under its lock, so events arrive in the order they were committed.</summary>
    public void Deliver(StoredEvent stored) => events.Writer.TryWrite(stored);

    /// <summary>Ends delivery; the reader sees the end of the stream.</summary>
    public void Complete() => events.Writer.TryComplete();

    public void Dispose()
    {
        unsubscribe(this);
        Complete();
    }
}
