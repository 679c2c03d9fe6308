using Microsoft.Extensions.Hosting;

namespace Palisade.Sandbox;

/// <summary>A host lifetime that listens to no signals: the sandbox stops when its owner disposes it.</summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
