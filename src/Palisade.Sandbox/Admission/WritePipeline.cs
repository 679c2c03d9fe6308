namespace Palisade.Sandbox;

/// <summary>
/// The admission checks every create, update, patch, apply and delete passes, in the order added, before it is
/// stored (dry runs included, as with real validating webhooks). The first rejection refuses the write.
/// </summary>
public sealed class WritePipeline
{
    private readonly Lock gate = new();
    private IWriteCheck[] checks = [];

    public IReadOnlyList<IWriteCheck> Checks => checks;

    public void Add(IWriteCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        lock (gate)
        {
            checks = [.. checks, check];
        }
    }

    /// <summary>Adds a check written as a function.</summary>
    public void Add(Func<WriteRequest, WriteRejection?> check) => Add(new FunctionCheck(check));

    public bool Remove(IWriteCheck check)
    {
        lock (gate)
        {
            var kept = checks.Where(c => !ReferenceEquals(c, check)).ToArray();
            var removed = kept.Length != checks.Length;
            checks = kept;
            return removed;
        }
    }

    /// <summary>Runs the checks in order; the first rejection, or null when all let the write through.</summary>
    public async ValueTask<WriteRejection?> RunAsync(WriteRequest request, CancellationToken cancellation)
    {
        // A snapshot: checks added while a write is in flight apply to the next write.
        foreach (var check in checks)
        {
            if (await check.CheckAsync(request, cancellation).ConfigureAwait(false) is { } rejection)
            {
                return rejection;
            }
        }

        return null;
    }

    private sealed class FunctionCheck(Func<WriteRequest, WriteRejection?> check) : IWriteCheck
    {
        public ValueTask<WriteRejection?> CheckAsync(WriteRequest request, CancellationToken cancellation) => ValueTask.FromResult(check(request));
    }
}
