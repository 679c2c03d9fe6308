namespace Palisade.Sandbox;

/// <summary>An admission check: returns a rejection to refuse the write, or null to let it through.</summary>
public interface IWriteCheck
{
    ValueTask<WriteRejection?> CheckAsync(WriteRequest request, CancellationToken cancellation);
}
