namespace Palisade.Admission;

/// <summary>Policies that cannot be loaded; the message names the file (and line, when known) at fault.</summary>
public sealed class PolicyLoadException(string message, Exception? inner = null) : Exception(message, inner);
