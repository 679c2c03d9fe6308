using Microsoft.Extensions.Hosting;

namespace Palisade.GitOps.Metrics;

/// <summary>
/// A host lifetime that does nothing. The default console lifetime would catch SIGTERM and Ctrl-C and stop the
/// metrics server on its own; the controller handles those signals itself and disposes the endpoint last, so
/// /healthz keeps answering while a reconcile winds down.
/// </summary>
internal sealed class CallerOwnedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
