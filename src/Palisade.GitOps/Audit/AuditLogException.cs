namespace Palisade.GitOps.Audit;

/// <summary>The audit database cannot be used as it is; the message names the file and says why, on one line.</summary>
public sealed class AuditLogException(string message, Exception? inner = null) : Exception(message, inner);
