using Palisade.GitOps.Audit;

namespace Palisade.GitOps.Source;

/// <summary>A source could not be opened, fetched or read; the message is one line and free of credentials.</summary>
public sealed class SourceException : Exception
{
    public SourceException(RefusalReason reason, string message)
        : base(RemoteLocation.Redact(message))
    {
        Reason = reason;
    }

    public RefusalReason Reason { get; }
}
